import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { DataDirLockedError } from '../../server/storage/data-dir-lock'
import { signUp } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { startServer, type TestServer } from '../support/server'

/** Stops the server and starts a new one on the same data directory; returns what a new client reads. */
async function textAfterRestart(first: TestServer): Promise<string> {
  await first.stop()
  const second = await startServer({ dataDir: first.dataDir })
  const reader = connectClient(second, MANIFESTO_ID)
  await reader.synced()
  return textOf(reader.doc)
}

describe('restarts', () => {
  it('keeps the content after a restart', async () => {
    const first = await startServer()
    const writer = connectClient(first, MANIFESTO_ID, await signUp(first, 'writer'))
    await writer.synced()
    appendParagraph(writer.doc, 'Written before the restart.')
    await writer.allSaved()
    const expected = textOf(writer.doc)
    writer.destroy()
    expect(await textAfterRestart(first)).toBe(expected)
  })

  it('keeps the content when the log was compacted while people typed', async () => {
    // A tiny threshold: every write that lands makes the log due for compaction.
    const first = await startServer({ compactLogBytes: 64 })
    const writer = connectClient(first, MANIFESTO_ID, await signUp(first, 'writer'))
    await writer.synced()
    for (let round = 0; round < 3; round++) {
      // Each round's writes land after the compaction the previous round made due.
      for (let i = 0; i < 20; i++) appendParagraph(writer.doc, `Round ${round}, paragraph ${i}`)
      await writer.allSaved()
    }
    const expected = textOf(writer.doc)
    writer.destroy()
    expect(await textAfterRestart(first)).toBe(expected)
    // Each compaction is a new generation: a second one means the log was compacted while people typed.
    const files = await readdir(path.join(first.dataDir, 'documents', MANIFESTO_ID))
    const generations = files.flatMap((name) => /^snapshot-(\d+)\.bin$/.exec(name)?.[1] ?? []).map(Number)
    expect(Math.max(...generations)).toBeGreaterThanOrEqual(2)
  })

  it('refuses a second server on the same data directory', async () => {
    const first = await startServer()
    await expect(startServer({ dataDir: first.dataDir })).rejects.toThrow(DataDirLockedError)
    await expect(startServer({ dataDir: first.dataDir })).rejects.toThrow(/Another Coffeehouse server \(pid \d+\) is using the data directory/)
  })

  it('does not create the starter manifesto twice', async () => {
    const first = await startServer()
    await first.stop()
    const second = await startServer({ dataDir: first.dataDir })
    const response = await fetch(`${second.url}/api/documents`)
    const { documents } = (await response.json()) as { documents: Array<{ id: string }> }
    expect(documents.filter((document) => document.id === MANIFESTO_ID)).toHaveLength(1)
  })
})
