/**
 * throughput: the whole automerge-paper trace (259,778 edits) sent as fast as the writer
 * can, until all ten readers have converged. Baselines in the same run: raw Yjs applying
 * the trace in-process (no network at all), and the plain relay. The readers are whole
 * clients (stock providers, each a Y.Doc applying everything) in a process of their own
 * (support/reader-process.ts), the writer in this one.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../model/schema/extensions'
import { loadTrace, type Trace } from '../test/support/traces'
import { startCoffeehouse, startRelay, type Benchmark, type ServerProcess } from './support'
import { writerWithReaders } from './support/scenario'
import { TraceWriter } from './support/trace-writer'

const readerEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support/reader-process.ts')

const READERS = 10
const TARGET_SECONDS = 15

/** Seconds until every reader converged, and the CPU seconds the server spent meanwhile. */
async function measure(server: ServerProcess, trace: Trace): Promise<{ elapsed: number; serverCpu: number }> {
  const audience = await writerWithReaders(server, 'throughput', 0)
  const readers = fork(readerEntry, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const answer = () => new Promise<string>((resolve, reject) => {
    readers.once('message', (message: string) => resolve(message))
    readers.once('exit', () => reject(new Error('the reader process exited')))
  })
  try {
    readers.send({ readers: READERS, collabUrl: server.collabUrl, documentId: audience.documentId })
    await answer()
    const writer = new TraceWriter(audience.writer.doc, trace)
    const cpuBefore = await server.cpuSeconds()
    const start = performance.now()
    for (let edit = 0; edit < writer.length; edit++) writer.write(edit)
    readers.send({ until: Y.encodeStateVector(audience.writer.doc) })
    await answer()
    const elapsed = (performance.now() - start) / 1000
    return { elapsed, serverCpu: (await server.cpuSeconds()) - cpuBefore }
  } finally {
    if (readers.connected) readers.send({ stop: true })
    audience.close()
  }
}

function rawYjs(trace: Trace): number {
  const doc = new Y.Doc()
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
  const writer = new TraceWriter(doc, trace)
  const start = performance.now()
  for (let edit = 0; edit < writer.length; edit++) writer.write(edit)
  return (performance.now() - start) / 1000
}

const seconds = (value: number) => `${value.toFixed(1)} s`
const rate = (edits: number, elapsed: number) => `${Math.round(edits / elapsed).toLocaleString('en')} edits/s`

export const throughput: Benchmark = {
  name: 'throughput',
  description: `all of automerge-paper unpaced, 1 writer + ${READERS} readers, until every reader has converged`,
  async run() {
    const trace = loadTrace('automerge-paper')
    const edits = trace.txns.length
    const raw = rawYjs(trace)
    const relay = await startRelay()
    const relayRun = await measure(relay, trace).finally(() => relay.stop())
    const coffeehouse = await startCoffeehouse()
    const ours = await measure(coffeehouse, trace).finally(() => coffeehouse.stop())
    const baseline = `raw Yjs ${seconds(raw)}; relay ${seconds(relayRun.elapsed)}, ${rate(edits, relayRun.elapsed)}`
    return [
      { benchmark: 'throughput', figure: 'whole trace, all readers converged', value: seconds(ours.elapsed), baseline, target: `≤ ${TARGET_SECONDS} s`, met: ours.elapsed <= TARGET_SECONDS },
      { benchmark: 'throughput', figure: 'edits per second', value: rate(edits, ours.elapsed), baseline, target: '≥ 0.7 × relay', met: relayRun.elapsed / ours.elapsed >= 0.7 },
      // The clients (one writer, ten readers, each a whole Y.Doc) share this process; the server's own share shows here.
      { benchmark: 'throughput', figure: 'server CPU time during the run', value: seconds(ours.serverCpu), baseline: `relay ${seconds(relayRun.serverCpu)}`, target: '—', met: true },
    ]
  },
}
