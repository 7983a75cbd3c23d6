/**
 * Heap readings inside the benchmark's own process. `npm run bench` starts Node without
 * --expose-gc, so the collector is switched on here, for benchmarks that compare in-process
 * objects' sizes; the servers under test get theirs from the flag (processes.ts).
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export function garbageCollector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed
  setFlagsFromString('--expose-gc')
  // A new context is created after the flag is set, so it has `gc`.
  return runInNewContext('gc') as () => void
}

/** The heap in use once everything unreachable is collected. */
export function heapInUse(collect: () => void): number {
  // Twice: objects with finalizers are freed only by the second collection.
  collect()
  collect()
  return process.memoryUsage().heapUsed
}
