import { existsSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp } from '../support/accounts'
import { connectClient } from '../support/clients'
import { next } from '../support/events'
import { makeDataDir, startServer, type TestServer } from '../support/server'

/** The collector, which vitest's workers do not expose; a fresh context picks up the flag. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

/** A weak reference to the server's copy, so that the test itself does not keep it alive. */
async function watchDocument(server: TestServer) {
  const handle = await server.app.collab.openDocument(MANIFESTO_ID)
  const document = new WeakRef(handle.document.doc)
  const destroyed = next(handle.document.doc, 'destroy').then(() => undefined)
  await handle.release()
  return { document, destroyed }
}

describe('unloading documents', () => {
  it('frees a document’s memory once its last reader and writer have left', async () => {
    const collect = garbageCollector()
    const server = await startServer()
    const ada = await signUp(server, 'ada')
    const writer = connectClient(server, MANIFESTO_ID, { cookie: ada.cookie })
    const reader = connectClient(server, MANIFESTO_ID)
    await Promise.all([writer.synced(), reader.synced()])
    const { document, destroyed } = await watchDocument(server)
    writer.destroy()
    reader.destroy()
    await destroyed
    // A WeakRef keeps its target until the current job ends, so collect after yielding.
    await new Promise((resolve) => setImmediate(resolve))
    collect()
    expect(server.app.collab.openDocuments).toBe(0)
    expect(document.deref()).toBeUndefined()
  })
})

describe('opening and closing many documents', () => {
  it('returns the heap to within 10% of where it started after 1,000 documents are opened and closed', async () => {
    const collect = garbageCollector()
    // In memory where the machine has it: the test is about the heap, and a thousand fsyncs take a minute on disk.
    const server = await startServer({ dataDir: await makeDataDir(existsSync('/dev/shm') ? '/dev/shm' : undefined) })
    const admin = await signUp(server, 'admin')
    const ids: string[] = []
    for (let index = 0; index < 1_000; index++) {
      const response = await as(server, admin).post('/api/documents', { title: `Paper ${index}` })
      ids.push(((await response.json()) as { id: string }).id)
    }
    const openAndClose = async (documentId: string) => {
      const handle = await server.app.collab.openDocument(documentId)
      await handle.release()
    }
    // Once first, so that what every document's code compiles and caches is there before measuring.
    await openAndClose(ids[0]!)
    collect()
    const before = process.memoryUsage().heapUsed
    for (const documentId of ids.slice(1)) await openAndClose(documentId)
    expect(server.app.collab.openDocuments).toBe(0)
    await new Promise((resolve) => setImmediate(resolve))
    collect()
    const after = process.memoryUsage().heapUsed
    expect(after).toBeLessThanOrEqual(before * 1.1)
  }, 300_000)
})
