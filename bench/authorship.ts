/**
 * Authorship of a large document written by several people: the automerge-paper trace
 * (260k edits, 105k characters at the end) replayed by four people taking turns, through
 * a real Room, so the attribution index is built exactly as the server builds it.
 *
 * Measured: computing who wrote every character of the current text (what the
 * authorship API and the editor's credits need), and the per-person counts of the
 * Contributors page, which read every item the document ever had. Baseline: raw Yjs
 * loading the same document's state into a new Y.Doc, the least any server-side
 * reading of the document costs.
 */
import * as Y from 'yjs'
import { readAuthorship } from '../server/attribution/authorship'
import { countContributions } from '../server/attribution/contributors'
import { createDocumentModel } from '../server/documents/content'
import { replayAsAuthors } from '../test/support/authored-replay'
import { loadTrace } from '../test/support/traces'
import { kib, median, ms, percentile, timeRuns, type Benchmark } from './support'

const RUNS = 30
const TARGET_MS = 100

export const authorship: Benchmark = {
  name: 'authorship',
  description: 'who wrote each character of automerge-paper, replayed by 4 people in turns',
  async run() {
    const trace = loadTrace('automerge-paper')
    const { room, attribution } = await replayAsAuthors(trace, { authors: ['ada', 'ben', 'cy', 'dee'], turn: 500, msPerTransaction: 200 })
    try {
      const { schema } = createDocumentModel()
      const state = Y.encodeStateAsUpdate(room.doc)
      const load = timeRuns(() => Y.applyUpdate(new Y.Doc({ gc: false }), state), RUNS)
      const read = () => readAuthorship(room.doc, attribution, schema)
      const authorshipRuns = timeRuns(read, RUNS)
      const authorship = read()
      if (authorship.text !== trace.endContent) throw new Error('the replayed document does not end with the trace’s text')
      const countRuns = timeRuns(() => countContributions(room.doc, attribution, authorship), RUNS)
      const baseline = `Y.applyUpdate ${ms(median(load))}`
      const authorshipMedian = median(authorshipRuns)
      return [
        { benchmark: 'authorship', figure: 'authorship of the whole text, p50', value: ms(authorshipMedian), baseline, target: `≤ ${TARGET_MS} ms`, met: authorshipMedian <= TARGET_MS },
        { benchmark: 'authorship', figure: 'authorship of the whole text, p95', value: ms(percentile(authorshipRuns, 0.95)), baseline, target: '—', met: true },
        { benchmark: 'authorship', figure: 'contributor counts (every item ever), p50', value: ms(median(countRuns)), baseline, target: '—', met: true },
        {
          benchmark: 'authorship',
          figure: 'attribution index size',
          value: kib(attribution.encode().length),
          baseline: `Yjs state ${kib(state.length)}`,
          target: '—',
          met: true,
        },
      ]
    } finally {
      room.destroy()
    }
  },
}
