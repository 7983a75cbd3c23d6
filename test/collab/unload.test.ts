import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp } from '../support/accounts'
import { connectClient } from '../support/clients'
import { next } from '../support/events'
import { startServer, type TestServer } from '../support/server'

/** The collector, which vitest's workers do not expose; a fresh context picks up the flag. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

/** A weak reference to the server's copy, so that the test itself does not keep it alive. */
async function watchDocument(server: TestServer) {
  const handle = await server.app.collab.openDocument(MANIFESTO_ID)
  const document = new WeakRef(handle.room.doc)
  const destroyed = next(handle.room.doc, 'destroy').then(() => undefined)
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
