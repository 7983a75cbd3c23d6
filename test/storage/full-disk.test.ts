import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { statfs, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../model/protocol'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp, signUpMaintainer } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { next } from '../support/events'
import { startServer, type TestServer } from '../support/server'

/** A real, tiny filesystem to fill up. Needs root (CI runs as root); skipped loudly otherwise. */
function mountTinyFilesystem(): string | null {
  const directory = mkdtempSync(path.join(tmpdir(), 'coffeehouse-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', directory], { stdio: 'ignore' })
    return directory
  } catch {
    rmSync(directory, { recursive: true, force: true })
    console.warn('!! Could not mount a tmpfs (not root?): the full-disk test is SKIPPED.')
    return null
  }
}

const mountPoint = mountTinyFilesystem()

describe.skipIf(mountPoint === null)('a full disk', () => {
  // Regression: a nearly full disk stores part of a write without an error; the log took it
  // for a whole write and acknowledged an edit that was only half on disk.
  it('acknowledges nothing it could not store, closes with 4503, and stores the edit once there is room', async () => {
    const dataDir = mountPoint!
    const servers: TestServer[] = []
    try {
      const server = await startServer({ dataDir })
      servers.push(server)
      const admin = await signUp(server, 'admin')
      const writer = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'writer', { admin }))
      await writer.synced()
      await writer.allSaved()

      // Leave a few kilobytes free, then write more than that.
      const { bavail, bsize } = await statfs(dataDir)
      const filler = path.join(dataDir, 'filler')
      await writeFile(filler, Buffer.alloc(Math.max(0, Number(bavail) * Number(bsize) - 8 * 1024)))
      const closed = next<[{ code: number } | null]>(writer.provider, 'connection-close')
      appendParagraph(writer.doc, `Too much for the disk: ${'x'.repeat(32 * 1024)}`)
      const [event] = await closed
      expect(event?.code).toBe(CloseCode.storageUnavailable)
      expect(writer.saved).toBeLessThan(writer.sent)

      // Room again: the provider reconnects by itself and its sync step 2 resends the edit.
      await rm(filler)
      await writer.allSaved()
      const expected = textOf(writer.doc)
      writer.destroy()
      await server.stop()

      const restarted = await startServer({ dataDir })
      servers.push(restarted)
      const reader = connectClient(restarted, MANIFESTO_ID)
      await reader.synced()
      expect(textOf(reader.doc)).toBe(expected)
      expect(textOf(reader.doc)).toContain('Too much for the disk')
      await restarted.stop()
    } finally {
      // The filesystem can only be unmounted once nothing has files open on it.
      for (const server of servers) await server.stop().catch(() => undefined)
      execFileSync('umount', [dataDir])
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
