/**
 * cold-load: a document holding the whole automerge-paper history (every deleted character
 * kept, as the server keeps them for version history) is stored, unloaded, and then opened
 * by a new client: the time from connecting until that client is synced. Each run starts
 * with the document only on disk. Baseline in the same run: raw `Y.applyUpdate` of the
 * same state into a new Y.Doc.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../model/schema/extensions'
import { loadTrace } from '../test/support/traces'
import { kib, median, ms, percentile, startCoffeehouse, timeRuns, type Benchmark, type ServerProcess } from './support'
import { untilIdle } from './support/health'
import { connectPeer, openWritableDocument } from './support/peers'
import { TraceWriter } from './support/trace-writer'

const RUNS = 20
const WARMUPS = 2
const TARGET_MS = 100

/** Stores a document with the trace's whole history on the server; returns its id and state. */
async function storeHistory(server: ServerProcess): Promise<{ documentId: string; state: Uint8Array; text: string }> {
  const { documentId, cookie } = await openWritableDocument(server, 'cold load')
  const writer = connectPeer(server, documentId, cookie)
  await writer.synced()
  // Written offline and sent as one update: 260,000 messages would measure the network, not loading.
  const offline = new Y.Doc({ gc: false })
  Y.applyUpdate(offline, Y.encodeStateAsUpdate(writer.doc))
  const trace = new TraceWriter(offline, loadTrace('automerge-paper'))
  for (let edit = 0; edit < trace.length; edit++) trace.write(edit)
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(offline, Y.encodeStateVector(writer.doc)))
  // A second client that syncs has seen the server apply the writer's update.
  const check = connectPeer(server, documentId)
  await check.synced()
  const text = check.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()
  check.destroy()
  writer.destroy()
  if (text !== offline.getXmlFragment(DOCUMENT_FRAGMENT).toString()) throw new Error('the server does not hold the written history')
  await untilIdle(server)
  return { documentId, state: Y.encodeStateAsUpdate(offline), text }
}

async function openCold(server: ServerProcess, documentId: string, text: string): Promise<number> {
  const start = performance.now()
  const reader = connectPeer(server, documentId)
  await reader.synced()
  const elapsed = performance.now() - start
  const synced = reader.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()
  reader.destroy()
  if (synced !== text) throw new Error('a cold load did not deliver the whole document')
  await untilIdle(server)
  return elapsed
}

export const coldLoad: Benchmark = {
  name: 'cold-load',
  description: 'automerge-paper with its whole history, from disk until a new client is synced',
  async run() {
    const server = await startCoffeehouse()
    try {
      const { documentId, state, text } = await storeHistory(server)
      const raw = timeRuns(() => Y.applyUpdate(new Y.Doc({ gc: false }), state), RUNS)
      const samples: number[] = []
      for (let run = 0; run < WARMUPS + RUNS; run++) {
        const elapsed = await openCold(server, documentId, text)
        if (run >= WARMUPS) samples.push(elapsed)
      }
      const p50 = median(samples)
      const baseline = `Y.applyUpdate ${ms(median(raw))} (state ${kib(state.length)})`
      return [
        { benchmark: 'cold-load', figure: 'from disk to a synced client, p50', value: ms(p50), baseline, target: `≤ ${TARGET_MS} ms`, met: p50 <= TARGET_MS },
        { benchmark: 'cold-load', figure: 'from disk to a synced client, p95', value: ms(percentile(samples, 0.95)), baseline, target: '—', met: true },
      ]
    } finally {
      await server.stop()
    }
  },
}
