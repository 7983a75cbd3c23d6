/**
 * readers: one document read by 1,000 people while 20 type in it (5 edits a second each, with
 * carets). The p99 from a keystroke to the probes, beside the plain relay's in the same run.
 * Readers complete the y-websocket handshake and count what they receive (bench/crowd/).
 */
import { startCoffeehouse, startRelay, type Benchmark, type ServerProcess } from './support'
import { runCrowd, type Scenario } from './crowd/crowd'
import { crowdAccounts, crowdText } from './crowd/crowd-document'
import { describeCrowd, p99Of, passes } from './crowd/crowd-report'

const READERS = 1_000
const TYPISTS = 20
const TARGET_P99_MS = 100

function scenario(text: string): Scenario {
  return { name: 'readers', authors: TYPISTS, readers: READERS, probes: 3, editsPerSecond: 5, seconds: 10, warmUpSeconds: 2, processes: 3, text, carets: true }
}

async function measure(server: ServerProcess, text: string) {
  const cookies = await crowdAccounts(server, TYPISTS, 'typist')
  const result = await runCrowd(server, scenario(text), cookies)
  console.error(`  ${server.kind}: ${describeCrowd(result)}`)
  return result
}

export const readers: Benchmark = {
  name: 'readers',
  description: `${READERS.toLocaleString('en')} readers of one document while ${TYPISTS} people type`,
  async run() {
    const text = crowdText()
    const relay = await startRelay()
    const relayResult = await measure(relay, text).finally(() => relay.stop())
    const coffeehouse = await startCoffeehouse()
    const ours = await measure(coffeehouse, text).finally(() => coffeehouse.stop())
    const kbPerSecond = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB/s`
    return [
      {
        benchmark: 'readers',
        figure: `${READERS.toLocaleString('en')} readers, ${TYPISTS} typing: keystroke to reader`,
        value: describeCrowd(ours),
        baseline: `relay ${describeCrowd(relayResult)}`,
        target: `p99 ≤ ${TARGET_P99_MS} ms, 0 lost`,
        met: passes(ours, TARGET_P99_MS),
      },
      {
        benchmark: 'readers',
        figure: 'what each reader receives',
        value: kbPerSecond(ours.readerBytesPerSecond),
        baseline: `relay ${kbPerSecond(relayResult.readerBytesPerSecond)} (p99 ${p99Of(relayResult).toFixed(1)} ms)`,
        target: '—',
        met: true,
      },
    ]
  },
}
