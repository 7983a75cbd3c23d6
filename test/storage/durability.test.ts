import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { startChildServer } from '../support/child-server'
import { signUpMaintainer } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { makeDataDir } from '../support/server'

describe('durability', () => {
  it('keeps every acknowledged edit when the server is killed with SIGKILL', async () => {
    const dataDir = await makeDataDir()
    let editsAcknowledged = 0
    for (let round = 0; round < 3; round++) {
      const server = await startChildServer(dataDir)
      const writer = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, `writer${round}`))
      await writer.synced()
      // Which frame carried each edit: an acknowledgement of N frames covers these edits.
      const frameOfEdit: number[] = []
      const killed = new Promise<number>((resolve) => {
        writer.provider.on('saved' as never, ((count: number) => {
          // Kill as soon as a good share of the edits is acknowledged, with more still in flight.
          if (count >= (frameOfEdit[100] ?? Infinity)) {
            server.process.kill('SIGKILL')
            resolve(count)
          }
        }) as never)
      })
      const typing = (async () => {
        for (let edit = 0; server.process.signalCode === null && edit < 5000; edit++) {
          appendParagraph(writer.doc, `round ${round} edit ${edit}`)
          frameOfEdit.push(writer.sent)
          // Let frames go out and acknowledgements come back while we type.
          if (edit % 10 === 9) await new Promise((resolve) => setImmediate(resolve))
        }
      })()
      const acknowledgedFrames = await killed
      await Promise.all([server.exited, typing])
      writer.destroy()
      const acknowledgedEdits = frameOfEdit.filter((frame) => frame <= acknowledgedFrames).length
      expect(acknowledgedEdits).toBeGreaterThan(100)
      expect(acknowledgedEdits).toBeLessThan(frameOfEdit.length)

      const restarted = await startChildServer(dataDir)
      const reader = connectClient(restarted, MANIFESTO_ID)
      await reader.synced()
      const text = textOf(reader.doc)
      for (let edit = 0; edit < acknowledgedEdits; edit++) expect(text).toContain(`round ${round} edit ${edit}<`)
      editsAcknowledged += acknowledgedEdits
      reader.destroy()
      restarted.process.kill('SIGTERM')
      await restarted.exited
    }
    expect(editsAcknowledged).toBeGreaterThan(300)
  }, 120_000)
})

