/**
 * authors: how many people can type in one document at once. N authors type at 5 edits a
 * second each, into their own paragraph, publishing their caret after every keystroke as the
 * editor does, while N readers watch; N rises 50, 100, 150, … until the p99 from an author's
 * keystroke to the probes goes above 50 ms or anything is lost. The same ramp runs against the
 * plain relay in the same run.
 *
 * The clients are the crowd harness's (bench/crowd/): light authors that hold only their own
 * paragraph, readers that count bytes, probes in a process of their own that time every edit,
 * all spread over client processes, so that what is measured is the server. Every author is a
 * separate account that maintains the document, so the server checks and attributes each one's
 * edits as it would for real people. At the end a whole client checks every paragraph.
 */
import { startCoffeehouse, startRelay, type Benchmark, type Result, type ServerProcess } from './support'
import { runCrowd, type CrowdResult, type Scenario } from './crowd/crowd'
import { crowdAccounts, crowdText } from './crowd/crowd-document'
import { describeCrowd, p99Of, passes } from './crowd/crowd-report'

const STEPS = [50, 100, 150, 200, 250, 300]
const TARGET_AUTHORS = 200
const TARGET_P99_MS = 50
const EDITS_PER_SECOND = 5

interface Step {
  authors: number
  result: CrowdResult
}

function scenario(authors: number, text: string): Scenario {
  return { name: `authors ${authors}`, authors, readers: authors, probes: 3, editsPerSecond: EDITS_PER_SECOND, seconds: 10, warmUpSeconds: 2, processes: 3, text, carets: true }
}

/** Raises N until an author's edits reach the probes too slowly, or not at all; returns every step run. */
async function ramp(server: ServerProcess, text: string): Promise<Step[]> {
  const cookies = await crowdAccounts(server, STEPS.at(-1)!, 'author')
  const steps: Step[] = []
  for (const authors of STEPS) {
    const result = await runCrowd(server, scenario(authors, text), cookies)
    console.error(`  ${server.kind}: ${authors} authors: ${describeCrowd(result)}`)
    steps.push({ authors, result })
    if (!passes(result, TARGET_P99_MS)) break
  }
  return steps
}

const passing = (steps: readonly Step[]) => steps.filter((step) => passes(step.result, TARGET_P99_MS)).at(-1)
const mostAuthors = (steps: readonly Step[]) => {
  const best = passing(steps)
  return best ? `${best.authors} (p99 ${p99Of(best.result).toFixed(1)} ms)` : 'none'
}
const atStep = (steps: readonly Step[], authors: number) => {
  const step = steps.find((candidate) => candidate.authors === authors)
  return step ? describeCrowd(step.result) : 'not reached'
}

export const authors: Benchmark = {
  name: 'authors',
  description: `authors typing at ${EDITS_PER_SECOND} edits/s with carets and as many readers, raised until p99 > ${TARGET_P99_MS} ms or an edit is lost`,
  async run() {
    const text = crowdText()
    const relay = await startRelay()
    const relaySteps = await ramp(relay, text).finally(() => relay.stop())
    const coffeehouse = await startCoffeehouse()
    const ours = await ramp(coffeehouse, text).finally(() => coffeehouse.stop())
    const best = passing(ours)
    const rows: Result[] = [
      {
        benchmark: 'authors',
        figure: `most authors (as many readers) with p99 ≤ ${TARGET_P99_MS} ms and none lost`,
        value: mostAuthors(ours),
        baseline: `relay ${mostAuthors(relaySteps)}`,
        target: `≥ ${TARGET_AUTHORS}, 0 lost`,
        met: (best?.authors ?? 0) >= TARGET_AUTHORS,
      },
    ]
    for (const step of ours) {
      rows.push({ benchmark: 'authors', figure: `${step.authors} authors, ${step.authors} readers`, value: describeCrowd(step.result), baseline: `relay ${atStep(relaySteps, step.authors)}`, target: '—', met: true })
    }
    return rows
  },
}
