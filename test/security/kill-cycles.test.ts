/**
 * Crash cycles: the real server, killed with SIGKILL at a random moment while several
 * people type, restarted on the same data directory, again and again. What the server
 * acknowledged as saved before each kill must be in the document after the restart.
 *
 * KILL_CYCLES=<n> runs more cycles (`npm run kill-cycles` runs 50); KILL_SEED=<n> picks
 * other kill moments.
 */
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUpMaintainer } from '../support/accounts'
import { startChildServer, type ChildServer } from '../support/child-server'
import { connectClient } from '../support/clients'
import { freePort } from '../support/free-port'
import { seededRandom } from '../support/seeded-random'
import { makeDataDir } from '../support/server'
import { Typist, wordsOf } from '../support/typist'
import { lostWords, typeWords } from '../support/typing'

const CYCLES = Number(process.env.KILL_CYCLES ?? 10)
const WRITERS = ['ada', 'bao', 'cleo']
/**
 * Words typed (by all writers together) before the kill in a cycle: at least enough for
 * acknowledgements to be coming back, at most a few seconds of typing on two cores.
 */
const FEWEST_WORDS = 60
const MOST_WORDS = 900
/**
 * Typing far faster than people do, and many reconnects a minute from one address: the
 * point is to have many edits in flight at each kill, not to test the rate limits.
 */
const LIFTED_LIMITS = {
  MESSAGES_PER_SECOND: '1000000000',
  MESSAGE_BURST: '1000000000',
  WS_CONNECTIONS_PER_MINUTE: '1000000000',
}

/** Words each writer types while the server is dead, to be carried by the next sync step 2. */
const OFFLINE_WORDS = 5

describe('SIGKILL during typing', () => {
  // Regression: edits were relayed before they were durable, so after a crash a client that held someone else's lost edit was refused with 4409 on reconnecting.
  it(
    'loses no acknowledged edit when the server is killed and restarted again and again while three people type',
    async () => {
      const rng = seededRandom(Number(process.env.KILL_SEED ?? 0x5eed))
      const dataDir = await makeDataDir()
      // One address throughout, so that the providers reconnect to the restarted server by themselves.
      const options = { port: await freePort(), environment: LIFTED_LIMITS }
      let server = await startChildServer(dataDir, options)
      // What a fresh data directory warns about (an unbuilt editor, say): a restart after a kill may warn of nothing more.
      const freshWarnings = server.warnings.map((entry) => entry.msg)
      const typists: Typist[] = []
      for (const name of WRITERS) typists.push(new Typist(server, MANIFESTO_ID, await signUpMaintainer(server, name), name))
      await Promise.all(typists.map((typist) => typist.client.synced()))
      for (const typist of typists) typist.startParagraph()
      await Promise.all(typists.map((typist) => typist.client.allSaved()))

      const cycles: { typed: number; acknowledged: number; lost: number; warnings: number }[] = []
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const killed = server
        await typeWords(typists, FEWEST_WORDS + rng.int(MOST_WORDS - FEWEST_WORDS))
        killed.process.kill('SIGKILL')
        // Kept offline until the check: reconnecting would resend every unacknowledged
        // edit, and the resent copies would hide an acknowledged edit the disk lost.
        for (const typist of typists) typist.client.provider.disconnect()
        for (let word = 0; word < OFFLINE_WORDS; word++) for (const typist of typists) typist.typeWord()
        await killed.exited

        server = await startChildServer(dataDir, options)
        const lost = await lostWords(server, MANIFESTO_ID, typists)
        const acknowledged = typists.reduce((sum, typist) => sum + typist.acknowledged, 0)
        const warnings = server.warnings.filter((entry) => !freshWarnings.includes(entry.msg))
        cycles.push({ typed: typists.reduce((sum, typist) => sum + typist.typed, 0), acknowledged, lost, warnings: warnings.length })
        expect(warnings, `cycle ${cycle}: the restart reported damage`).toEqual([])
        expect(lost, `cycle ${cycle}: acknowledged words missing after the restart`).toBe(0)
        for (const typist of typists) typist.client.provider.connect()
        await Promise.all(typists.map((typist) => typist.client.synced()))
      }

      // Once back online, the words that were only in flight or offline arrive too.
      await Promise.all(typists.map((typist) => typist.client.allSaved()))
      const reader = connectClient(server, MANIFESTO_ID)
      await reader.synced()
      for (const typist of typists) expect(wordsOf(reader.doc, typist.name).size).toBe(typist.typed)
      reader.destroy()
      server.process.kill('SIGTERM')
      await server.exited

      const last = cycles.at(-1)!
      const sum = (figure: (cycle: (typeof cycles)[number]) => number) => cycles.reduce((total, cycle) => total + figure(cycle), 0)
      console.log(
        `kill cycles: ${cycles.length}, words typed: ${last.typed}, acknowledged before the last kill: ${last.acknowledged}, ` +
          `unacknowledged at the kills: ${sum((cycle) => cycle.typed - cycle.acknowledged)}, ` +
          `acknowledged words lost: ${sum((cycle) => cycle.lost)}, restarts that warned: ${sum((cycle) => Math.sign(cycle.warnings))}`,
      )
      // Each cycle acknowledged something, or the kills all came too early to test anything.
      for (let cycle = 1; cycle < cycles.length; cycle++) expect(cycles[cycle]!.acknowledged).toBeGreaterThan(cycles[cycle - 1]!.acknowledged)
    },
    30_000 + CYCLES * 8_000,
  )
})
