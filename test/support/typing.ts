/** Several typists at once, as the crash tests drive them (kill-cycles.test.ts, node-kills.test.ts). */
import { connectClient } from './clients'
import { next } from './events'
import type { TestServer } from './server'
import { wordsOf, type Typist } from './typist'

/**
 * Frames a writer may have unacknowledged before waiting for the server: a bounded
 * backlog, so that the kill always finds edits in flight while acknowledgements keep
 * coming, instead of a queue that grows until nothing typed in a cycle is ever acknowledged.
 */
const IN_FLIGHT = 16

const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Writers type in turns, a word each per turn of the event loop, until `words` more words are typed. */
export async function typeWords(typists: Typist[], words: number): Promise<void> {
  for (let typed = 0; typed < words; ) {
    const ready = typists.filter((typist) => typist.client.sent - typist.client.saved < IN_FLIGHT)
    if (ready.length === 0) {
      await Promise.race(typists.map((typist) => next(typist.client.provider, 'saved')))
      continue
    }
    for (const typist of ready) typist.typeWord()
    typed += ready.length
    await turn()
  }
}

/** Acknowledged words of each writer that a fresh reader of `server` does not find. */
export async function lostWords(server: Pick<TestServer, 'collabUrl'>, documentId: string, typists: Typist[]): Promise<number> {
  const reader = connectClient(server, documentId)
  await reader.synced()
  let lost = 0
  for (const typist of typists) {
    const stored = wordsOf(reader.doc, typist.name)
    for (let word = 1; word <= typist.acknowledged; word++) if (!stored.has(word)) lost++
  }
  reader.destroy()
  return lost
}
