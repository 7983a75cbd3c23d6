/**
 * Loaded into a server under test (`node --import`), never into the product: it answers the
 * benchmark, over the child process's IPC channel, with what the server process has used.
 * Measuring from inside the process is the only way to separate the server's own event-loop
 * delay, heap and file writes from the benchmark's clients.
 *
 * Bytes written are counted at FileHandle.write and FileHandle.writeFile, which every
 * storage path of the server goes through (update-log.ts, durable-files.ts); the log lines
 * go to stdout through other calls and are not counted.
 */
import { open } from 'node:fs/promises'
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import { getHeapSpaceStatistics } from 'node:v8'
import type { ProbeRequest, ProbeResponse } from './probe-messages'

/** Samples every millisecond: the delays that matter here are a few milliseconds. */
const LOOP_RESOLUTION_MS = 1

/** The histogram holds whole intervals between samples, in nanoseconds; the delay is what exceeds the interval. */
const delayMs = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - LOOP_RESOLUTION_MS)

interface Counters {
  bytesWritten: number
  loop: IntervalHistogram | null
}

async function instrumentFileWrites(counters: Counters): Promise<void> {
  const handle = await open(process.execPath, 'r')
  const prototype = Object.getPrototypeOf(handle) as {
    write: (...args: unknown[]) => Promise<{ bytesWritten: number }>
    writeFile: (data: unknown, ...rest: unknown[]) => Promise<void>
  }
  await handle.close()
  const write = prototype.write
  prototype.write = async function (this: unknown, ...args: unknown[]) {
    const result = await write.apply(this, args)
    counters.bytesWritten += result.bytesWritten
    return result
  }
  const writeFile = prototype.writeFile
  prototype.writeFile = async function (this: unknown, data: unknown, ...rest: unknown[]) {
    await writeFile.call(this, data, ...rest)
    counters.bytesWritten += typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).byteLength
  }
}

function answer(counters: Counters, request: ProbeRequest): ProbeResponse {
  if (request.kind === 'start-loop-monitor') {
    counters.loop?.disable()
    counters.loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS })
    counters.loop.enable()
  }
  if (request.collectGarbage) {
    const collect = (globalThis as { gc?: () => void }).gc
    if (!collect) throw new Error('the server was started without --expose-gc')
    // Twice: objects with finalizers are freed only by the second collection.
    collect()
    collect()
  }
  const memory = process.memoryUsage()
  const loop = counters.loop
  return {
    id: request.id,
    rssBytes: memory.rss,
    youngGenerationBytes: getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.physical_space_size ?? 0,
    heapUsedBytes: memory.heapUsed,
    externalBytes: memory.external + memory.arrayBuffers,
    bytesWritten: counters.bytesWritten,
    loopDelayMs: loop ? { p50: delayMs(loop.percentile(50)), p99: delayMs(loop.percentile(99)), max: delayMs(loop.max) } : null,
  }
}

async function install(): Promise<void> {
  const counters: Counters = { bytesWritten: 0, loop: null }
  await instrumentFileWrites(counters)
  process.on('message', (request: ProbeRequest) => {
    process.send?.(answer(counters, request))
  })
  // The channel must not keep a stopped server alive.
  process.channel?.unref()
}

await install()
