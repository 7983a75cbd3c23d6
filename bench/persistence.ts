/**
 * persistence: 100 documents written at once, each by one person typing seph-blog1 at its
 * real pace, for a window of WINDOW_MS. Measured inside the server (bench/support/probe.ts):
 *
 *   - write amplification: bytes the server wrote to files during the window (update log,
 *     metadata, snapshots), divided by the bytes of the updates the writers sent;
 *   - the snapshot each document is folded into when its writer leaves (its whole state, so
 *     a later load reads one record), per document;
 *   - event-loop delay p99 during the window, beside the plain relay's under the same load
 *     and the server's own while the writers are connected but idle.
 *
 * The documents do not all start empty: document k starts where the trace stands at k% of
 * its length (loaded before the window), so they range from empty to 57,000 characters
 * with their whole history, and it is each one's next edits that are typed.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../model/schema/extensions'
import { loadTrace, type Trace } from '../test/support/traces'
import { ms, startCoffeehouse, startRelay, type Benchmark, type ServerProcess } from './support'
import { untilIdle } from './support/health'
import { connectPeer, openWritableDocument, type Peer } from './support/peers'
import { realPace } from './support/real-pace'
import { TraceWriter } from './support/trace-writer'

const DOCUMENTS = 100
const WINDOW_MS = 40_000
const IDLE_MS = 3_000
/** Pauses beyond this are shortened: a window should hold typing, not someone away from the keyboard. */
const MAX_PAUSE_MS = 2_000
const TARGET_AMPLIFICATION = 3
const TARGET_ADDED_DELAY_MS = 5

interface Start {
  edit: number
  state: Uint8Array
}

/** Where each document starts: the trace's state after edit k% of it, history included. */
function startingPoints(trace: Trace): Start[] {
  const doc = new Y.Doc({ gc: false })
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
  const writer = new TraceWriter(doc, trace)
  const starts: Start[] = []
  let edit = 0
  for (let document = 0; document < DOCUMENTS; document++) {
    const target = Math.floor((document * trace.txns.length) / DOCUMENTS)
    for (; edit < target; edit++) writer.write(edit)
    starts.push({ edit, state: Y.encodeStateAsUpdate(doc) })
  }
  return starts
}

interface Writing {
  peer: Peer
  writer: TraceWriter
  start: number
}

async function prepare(server: ServerProcess, trace: Trace, starts: readonly Start[]): Promise<Writing[]> {
  const owner = await openWritableDocument(server, 'persistence')
  const ids = [owner.documentId]
  for (let index = 1; index < DOCUMENTS; index++) {
    if (server.kind === 'relay') ids.push(`persistence-${index}`)
    else ids.push((await openWritableDocument(server, `persistence ${index}`, owner.cookie)).documentId)
  }
  return Promise.all(
    starts.map(async ({ edit, state }, index) => {
      const peer = connectPeer(server, ids[index]!, owner.cookie)
      await peer.synced()
      const fragment = peer.doc.getXmlFragment(DOCUMENT_FRAGMENT)
      // The document becomes exactly the trace's text so far, in place of its empty first paragraph.
      peer.doc.transact(() => fragment.delete(0, fragment.length))
      Y.applyUpdate(peer.doc, state)
      return { peer, writer: new TraceWriter(peer.doc, trace), start: edit }
    }),
  )
}

/** Types each document's next edits at the trace's pace until the window closes; returns the update bytes sent. */
async function type(writings: readonly Writing[], trace: Trace): Promise<number> {
  let updateBytes = 0
  const count = (update: Uint8Array, origin: unknown) => {
    if (origin === null) updateBytes += update.length
  }
  const windowStart = performance.now()
  await Promise.all(
    writings.map(async ({ peer, writer, start }, index) => {
      const pace = realPace(trace, start, MAX_PAUSE_MS)
      // Staggered, so that the documents do not type in step.
      const offset = (index * 1000) / writings.length
      peer.doc.on('update', count)
      for (let edit = 0; edit < pace.length; edit++) {
        const due = windowStart + offset + pace[edit]!
        if (due - windowStart > WINDOW_MS) break
        const wait = due - performance.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        writer.write(start + edit)
      }
      peer.doc.off('update', count)
    }),
  )
  return updateBytes
}

interface Measured {
  updateBytes: number
  windowBytes: number
  unloadBytes: number
  idleP99: number
  loadP99: number
}

/** Resolves once the server has written nothing for a second: what the preparation sent is stored. */
async function writesSettled(server: ServerProcess): Promise<void> {
  let last = -1
  let quiet = 0
  while (quiet < 4) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const { bytesWritten } = await server.probe()
    quiet = bytesWritten === last ? quiet + 1 : 0
    last = bytesWritten
  }
}

async function measure(server: ServerProcess, trace: Trace, starts: readonly Start[]): Promise<Measured> {
  const writings = await prepare(server, trace, starts)
  await writesSettled(server)
  await server.probe('start-loop-monitor')
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS))
  const idle = await server.probe('start-loop-monitor')
  const updateBytes = await type(writings, trace)
  const typed = await server.probe()
  // Every change is on disk within milliseconds (group commit); this leaves room for the last ones.
  await new Promise((resolve) => setTimeout(resolve, 500))
  const written = await server.probe()
  for (const { peer } of writings) peer.destroy()
  if (server.kind === 'coffeehouse') await untilIdle(server)
  const unloaded = await server.probe()
  return {
    updateBytes,
    windowBytes: written.bytesWritten - idle.bytesWritten,
    unloadBytes: unloaded.bytesWritten - idle.bytesWritten,
    idleP99: idle.loopDelayMs!.p99,
    loadP99: typed.loopDelayMs!.p99,
  }
}

const kb = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString('en')} KB`
const times = (value: number) => `${value.toFixed(2)} ×`

export const persistence: Benchmark = {
  name: 'persistence',
  description: `${DOCUMENTS} documents typed at once at seph-blog1's real pace for ${WINDOW_MS / 1000} s`,
  async run() {
    const trace = loadTrace('seph-blog1')
    const starts = startingPoints(trace)
    const relay = await startRelay()
    const relayRun = await measure(relay, trace, starts).finally(() => relay.stop())
    const coffeehouse = await startCoffeehouse()
    const ours = await measure(coffeehouse, trace, starts).finally(() => coffeehouse.stop())
    const amplification = ours.windowBytes / ours.updateBytes
    const perUnload = (ours.unloadBytes - ours.windowBytes) / DOCUMENTS
    const meanState = starts.reduce((sum, start) => sum + start.state.length, 0) / DOCUMENTS
    const updates = `updates sent ${kb(ours.updateBytes)}`
    const added = ours.loadP99 - relayRun.loadP99
    return [
      { benchmark: 'persistence', figure: 'write amplification while typing', value: `${times(amplification)} (${kb(ours.windowBytes)})`, baseline: updates, target: `≤ ${TARGET_AMPLIFICATION} ×`, met: amplification <= TARGET_AMPLIFICATION },
      { benchmark: 'persistence', figure: 'snapshot when a document unloads, mean', value: kb(perUnload), baseline: `state ${kb(meanState)}`, target: '—', met: true },
      {
        benchmark: 'persistence',
        figure: 'event-loop delay p99 while typing',
        value: `${ms(ours.loadP99)} (added ${ms(added)})`,
        baseline: `relay ${ms(relayRun.loadP99)}; idle ${ms(ours.idleP99)}`,
        target: `added ≤ ${TARGET_ADDED_DELAY_MS} ms`,
        met: added <= TARGET_ADDED_DELAY_MS,
      },
    ]
  },
}
