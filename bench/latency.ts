/**
 * latency: one writer types automerge-paper at 200 edits a second while ten readers
 * watch; how long each edit takes to reach each reader (p50, p99), through Coffeehouse
 * and through the plain relay, in the same run.
 *
 * At 200 edits a second the whole trace would take 22 minutes; its first 4,000 edits
 * (20 seconds of typing) are used.
 */
import { loadTrace } from '../test/support/traces'
import { ms, percentile, startCoffeehouse, startRelay, type Benchmark, type ServerProcess } from './support'
import { PropagationClock } from './support/propagation'
import { converged, writerWithReaders } from './support/scenario'
import { TraceWriter } from './support/trace-writer'

const EDITS = 4_000
const EDITS_PER_SECOND = 200
const READERS = 10

async function measure(server: ServerProcess): Promise<number[]> {
  const audience = await writerWithReaders(server, 'latency', READERS)
  try {
    const writer = new TraceWriter(audience.writer.doc, loadTrace('automerge-paper'))
    const clock = new PropagationClock(audience.writer.doc)
    for (const reader of audience.readers) clock.watch(reader.doc)
    const start = performance.now()
    for (let edit = 0; edit < EDITS; edit++) {
      const due = start + (edit * 1000) / EDITS_PER_SECOND
      const wait = due - performance.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      writer.write(edit)
      clock.edited()
    }
    await converged(audience.writer, audience.readers)
    if (!clock.complete) throw new Error('some edits never reached a reader')
    return clock.latencies
  } finally {
    audience.close()
  }
}

export const latency: Benchmark = {
  name: 'latency',
  description: `automerge-paper at ${EDITS_PER_SECOND} edits/s, 1 writer + ${READERS} readers, end-to-end propagation`,
  async run() {
    const relay = await startRelay()
    const relayLatencies = await measure(relay).finally(() => relay.stop())
    const coffeehouse = await startCoffeehouse()
    const ours = await measure(coffeehouse).finally(() => coffeehouse.stop())
    const relayP99 = percentile(relayLatencies, 0.99)
    const p50 = percentile(ours, 0.5)
    const p99 = percentile(ours, 0.99)
    return [
      { benchmark: 'latency', figure: 'propagation p50', value: ms(p50), baseline: `relay ${ms(percentile(relayLatencies, 0.5))}`, target: '≤ 1 ms', met: p50 <= 1 },
      { benchmark: 'latency', figure: 'propagation p99', value: ms(p99), baseline: `relay ${ms(relayP99)}`, target: '≤ 5 ms and ≤ 1.5 × relay', met: p99 <= 5 && p99 <= 1.5 * relayP99 },
    ]
  },
}
