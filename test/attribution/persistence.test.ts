import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUpMaintainer } from '../support/accounts'
import { authorshipOf, contributorsOf } from '../support/attribution'
import { appendParagraph, connectClient } from '../support/clients'
import { startServer, type TestServer } from '../support/server'

/** Ada and Ben each write a few paragraphs, and Ben deletes one of Ada's. */
async function writeTogether(server: TestServer) {
  const ada = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'ada'))
  const ben = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'ben'))
  await Promise.all([ada.synced(), ben.synced()])
  for (let i = 0; i < 10; i++) {
    appendParagraph(ada.doc, `Ada, paragraph ${i}.`)
    await ada.allSaved()
    appendParagraph(ben.doc, `Ben, paragraph ${i}.`)
    await ben.allSaved()
  }
  await ada.allSaved()
  ada.destroy()
  ben.destroy()
}

const snapshotGenerations = async (server: TestServer) =>
  (await readdir(path.join(server.dataDir, 'documents', MANIFESTO_ID))).filter((name) => name.startsWith('snapshot-')).length

describe('attribution on disk', () => {
  it('is the same after a restart as before it', async () => {
    const first = await startServer()
    await writeTogether(first)
    const authorship = await authorshipOf(first, MANIFESTO_ID)
    const contributors = await contributorsOf(first, MANIFESTO_ID)
    await first.stop()
    const second = await startServer({ dataDir: first.dataDir })
    expect(await authorshipOf(second, MANIFESTO_ID)).toEqual(authorship)
    expect(await contributorsOf(second, MANIFESTO_ID)).toEqual(contributors)
  })

  it('is the same after the log was compacted into a snapshot while people wrote', async () => {
    // A tiny threshold: every write that lands makes the log due for compaction.
    const first = await startServer({ compactLogBytes: 64 })
    await writeTogether(first)
    const authorship = await authorshipOf(first, MANIFESTO_ID)
    const contributors = await contributorsOf(first, MANIFESTO_ID)
    await first.stop()
    expect(await snapshotGenerations(first)).toBeGreaterThan(0)
    const second = await startServer({ dataDir: first.dataDir })
    expect(await authorshipOf(second, MANIFESTO_ID)).toEqual(authorship)
    expect(await contributorsOf(second, MANIFESTO_ID)).toEqual(contributors)
    expect(contributors.map((entry) => entry.person?.username ?? null).sort()).toEqual(['ada', 'ben', null])
  })
})
