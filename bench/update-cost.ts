/**
 * update-cost: the server's CPU per client update, and where it goes (issue 17: "report
 * microseconds of server CPU per update beside the relay's in the same run").
 *
 * automerge-paper is typed up to edit START_AT (the document a server would load: some 40,000
 * characters with their whole history), then its next UPDATES transactions, one character each
 * mostly, are sent by WRITERS people taking turns (support/typing-stream.ts), READERS more
 * watching. Each update goes through three pipelines, in this process, so that nothing but the
 * server's work is measured:
 *
 *   - Coffeehouse: the frame decoded as connection.ts does, then a real Room with the
 *     extensions server/app.ts lists, over a FileStore in a temporary directory: checked,
 *     allowed, applied, attributed, appended to the update log (fdatasync included) and relayed
 *     to every other member once durable (support/coffeehouse-room.ts). GROUP updates arrive
 *     together and become durable together, as in a group commit. Then the same with the log
 *     in memory (a MemoryStore), which shows what is the disk's and what the rest;
 *   - the plain relay's room (relay/relay-room.ts): Y.applyUpdate with y-protocols and one frame
 *     per update forwarded to every other member;
 *   - raw Y.applyUpdate onto a Y.Doc that keeps tombstones, as the server's do.
 *
 * CPU is process.cpuUsage() over the whole stream (user + system, every thread: the log's
 * writes run on libuv's pool), divided by the updates. PASSES interleaved runs of each, the
 * median shown. Then PASSES more Coffeehouse runs under V8's sampling profiler give the main
 * thread's time in each pass (support/cpu-profile.ts), per update. The log's writes and fdatasync
 * run off the main thread, so the passes add up to less than the process's CPU.
 */
import * as Y from 'yjs'
import { decodeClientFrame } from '../server/collab/frames'
import { loadTrace } from '../test/support/traces'
import { median, type Benchmark, type Result } from './support'
import { roomServer, type RoomServer } from './support/coffeehouse-room'
import { GARBAGE_COLLECTION, OTHER, profiled, timeByPass, type Pass } from './support/cpu-profile'
import { typingStream, type TypingStream } from './support/typing-stream'
import { RelayRoom, type RelaySocket } from './relay/relay-room'

const START_AT = 100_000
const UPDATES = 4_000
const WRITERS = 4
const READERS = 4
/** Transactions each writer types before the next takes over: the trace is one person's, typed in bursts. */
const TURN = 50
/** Updates that arrive together and share one group commit: four people typing at once. */
const GROUP = 4
const PASSES = 3

/** The passes of an update through the server, each named by the functions that do it (innermost wins). */
const PIPELINE: readonly Pass[] = [
  { label: 'frame decode (frames.ts)', file: 'server/collab/frames.ts', functions: ['decodeClientFrame'] },
  { label: 'check: Y.decodeUpdate', file: 'server/collab/update-check.ts', functions: ['decode'] },
  { label: 'check: canonical re-encoding', file: 'server/collab/update-check.ts', functions: ['encodeCanonical'] },
  { label: 'check: canonical re-encoding', file: 'server/collab/update-encoding.ts', functions: ['encodeStructSection'] },
  { label: 'check: references, parents, schema', file: 'server/collab/update-check.ts', functions: ['checkUpdate', 'checkUpdates'] },
  { label: 'beforeApplyUpdate hooks (4403, 4409, 4422)', file: 'server/collab/run-hooks.ts', functions: ['runBeforeApplyUpdate'] },
  { label: 'Y.applyUpdate: decode again and integrate', file: 'yjs/dist', functions: ['applyUpdate', 'applyUpdateV2'] },
  { label: 'Yjs encodes the transaction again', file: 'yjs/dist', functions: ['writeUpdateMessageFromTransaction'] },
  { label: 'the stored update: checked structs + new deletions', file: 'server/collab/room.ts', functions: ['changeOf'] },
  { label: 'afterTransaction: stamp and attribute', file: 'server/collab/room.ts', functions: ['stamp'] },
  { label: 'onStoreChange: change record, log append', file: 'server/collab/run-hooks.ts', functions: ['runStoreHooks'] },
  { label: 'log write (group commit)', file: 'server/storage/update-log.ts', functions: ['flush'] },
  { label: 'onChange hooks', file: 'server/collab/run-hooks.ts', functions: ['runChangeHooks'] },
  { label: 'relay: join or merge, and frame (relay-batch.ts)', file: 'server/collab/relay-batch.ts', functions: ['flush'] },
  { label: 'room: the rest of applying a client update', file: 'server/collab/room.ts', functions: ['applyClientUpdate', 'applyClientUpdates', 'applyChecked', 'changed'] },
]

const micros = (value: number) => `${value.toFixed(1)} µs`

export const updateCost: Benchmark = {
  name: 'update-cost',
  description: `server CPU per update: automerge-paper's edits ${START_AT.toLocaleString('en-US')}+ through a Room, the relay and raw Yjs`,
  async run() {
    const stream = typingStream(loadTrace('automerge-paper'), { start: START_AT, updates: UPDATES, writers: WRITERS, turn: TURN })
    const server = await roomServer({ writers: WRITERS, readers: READERS, disk: true })
    const inMemory = await roomServer({ writers: WRITERS, readers: READERS, disk: false })
    try {
      // Untimed first: compiling the code is not a cost per update.
      await coffeehouseRun(server, stream)
      await coffeehouseRun(inMemory, stream)
      await relayRun(stream)
      rawRun(stream)
      const runs = { coffeehouse: [] as number[], inMemory: [] as number[], relay: [] as number[], raw: [] as number[] }
      for (let pass = 0; pass < PASSES; pass++) {
        runs.coffeehouse.push(await coffeehouseRun(server, stream))
        runs.inMemory.push(await coffeehouseRun(inMemory, stream))
        runs.relay.push(await relayRun(stream))
        runs.raw.push(rawRun(stream))
      }
      const coffeehouse = median(runs.coffeehouse)
      const memory = median(runs.inMemory)
      const relay = median(runs.relay)
      const raw = median(runs.raw)
      const byPass = new Map<string, number>()
      for (let pass = 0; pass < PASSES; pass++) {
        await coffeehouseRun(server, stream, async (work) => {
          const { profile } = await profiled(work)
          for (const [label, time] of timeByPass(profile, PIPELINE)) byPass.set(label, (byPass.get(label) ?? 0) + time)
        })
      }
      const updates = stream.frames.length
      const perUpdate = (time: number) => time / PASSES / updates
      const mainThread = perUpdate([...byPass.values()].reduce((sum, time) => sum + time, 0))
      const baseline = `relay ${micros(relay)}; Y.applyUpdate ${micros(raw)}`
      const where = `${updates.toLocaleString('en-US')} updates at ${stream.characters.toLocaleString('en-US')} chars`
      const results: Result[] = [
        { benchmark: 'update-cost', figure: `server CPU per update, ${where}`, value: micros(coffeehouse), baseline, target: '—', met: true },
        { benchmark: 'update-cost', figure: 'Coffeehouse ÷ relay', value: `${(coffeehouse / relay).toFixed(2)} ×`, baseline, target: '—', met: true },
        { benchmark: 'update-cost', figure: 'server CPU per update, the log in memory (no disk)', value: micros(memory), baseline, target: '—', met: true },
        { benchmark: 'update-cost', figure: 'the log in memory ÷ relay', value: `${(memory / relay).toFixed(2)} ×`, baseline, target: '—', met: true },
      ]
      const labels = [...PIPELINE.map(({ label }) => label), GARBAGE_COLLECTION, OTHER]
      for (const label of new Set(labels)) {
        const time = perUpdate(byPass.get(label) ?? 0)
        results.push({ benchmark: 'update-cost', figure: `  main thread: ${label}`, value: micros(time), baseline: `${((time / mainThread) * 100).toFixed(1)}% of the main thread's`, target: '—', met: true })
      }
      results.push({
        benchmark: 'update-cost',
        figure: '  main thread, all passes (profiled runs)',
        value: micros(mainThread),
        baseline: `the rest of ${micros(coffeehouse)}: libuv's pool and the kernel writing the log`,
        target: '—',
        met: true,
      })
      return results
    } finally {
      await server.close()
      await inMemory.close()
    }
  },
}

/**
 * The Coffeehouse pipeline; returns µs of CPU per update. `around` wraps the stream alone, not
 * the room's loading and unloading (the profiler does).
 */
async function coffeehouseRun(server: RoomServer, stream: TypingStream, around = (work: () => Promise<void>) => work()): Promise<number> {
  const open = await server.openRoom('update cost', stream.state)
  try {
    const started = process.cpuUsage()
    await around(async () => {
      for (let first = 0; first < stream.frames.length; first += GROUP) {
        const stored: Promise<void>[] = []
        for (let index = first; index < Math.min(first + GROUP, stream.frames.length); index++) {
          const message = decodeClientFrame(stream.frames[index]!)
          if (message.kind !== 'sync-update') throw new Error(`the stream holds a ${message.kind} frame`)
          stored.push(open.room.applyClientUpdate(message.update, open.writers[stream.writerOf[index]!]!))
        }
        await Promise.all(stored)
        // The room relays what became durable at the end of this turn of the event loop.
        await nextTurn()
      }
    })
    const used = cpuMicros(process.cpuUsage(started))
    expectEveryUpdate(open.room.doc, stream, open.readers[0]!.received.frames)
    return used / stream.frames.length
  } finally {
    await open.close()
  }
}

/** The plain relay's room; returns µs of CPU per update. */
async function relayRun(stream: TypingStream): Promise<number> {
  const room = new RelayRoom()
  Y.applyUpdate(room.doc, stream.state)
  const received = { frames: 0 }
  const sockets: RelaySocket[] = Array.from({ length: WRITERS + READERS }, () => ({ send: () => void received.frames++ }))
  for (const socket of sockets) room.join(socket)
  received.frames = 0
  try {
    const started = process.cpuUsage()
    for (let first = 0; first < stream.frames.length; first += GROUP) {
      for (let index = first; index < Math.min(first + GROUP, stream.frames.length); index++) {
        room.receive(stream.frames[index]!, sockets[stream.writerOf[index]!]!)
      }
      await nextTurn()
    }
    const used = cpuMicros(process.cpuUsage(started))
    expectEveryUpdate(room.doc, stream, received.frames)
    return used / stream.frames.length
  } finally {
    room.doc.destroy()
  }
}

/** Raw Y.applyUpdate of every update; returns µs of CPU per update. */
function rawRun(stream: TypingStream): number {
  const updates = stream.frames.map((frame) => {
    const message = decodeClientFrame(frame)
    if (message.kind !== 'sync-update') throw new Error(`the stream holds a ${message.kind} frame`)
    return message.update
  })
  const doc = new Y.Doc({ gc: false })
  Y.applyUpdate(doc, stream.state)
  const started = process.cpuUsage()
  for (const update of updates) Y.applyUpdate(doc, update)
  const used = cpuMicros(process.cpuUsage(started))
  expectEveryUpdate(doc, stream, 1)
  doc.destroy()
  return used / updates.length
}

/** The pipeline must have taken every update and sent something on: otherwise it measured less than the work. */
function expectEveryUpdate(doc: Y.Doc, stream: TypingStream, relayedFrames: number): void {
  if (!Buffer.from(Y.encodeStateVector(doc)).equals(stream.endStateVector) || relayedFrames === 0) {
    throw new Error(`a pipeline did not take the whole stream (${relayedFrames} frames relayed)`)
  }
}

const cpuMicros = ({ user, system }: NodeJS.CpuUsage) => user + system

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
