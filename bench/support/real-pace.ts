/**
 * When each edit of a trace was made, in milliseconds from a starting edit, from the trace's
 * timestamps. They have one-second resolution, so the edits within one second are spread
 * evenly across it; pauses longer than `maxPauseMs` (the writer away from the keyboard)
 * are shortened to it, so that a benchmark window holds writing rather than waiting.
 */
import type { Trace } from '../../test/support/traces'

export function realPace(trace: Trace, from: number, maxPauseMs: number): number[] {
  const seconds = trace.txns.slice(from).map((txn) => {
    if (!txn.time) throw new Error('the trace has no timestamps')
    return Date.parse(txn.time)
  })
  const offsets: number[] = []
  let elapsed = 0
  let start = 0
  while (start < seconds.length) {
    let end = start
    while (end < seconds.length && seconds[end] === seconds[start]) end++
    const count = end - start
    for (let index = 0; index < count; index++) offsets.push(elapsed + (index * 1000) / count)
    if (end < seconds.length) elapsed += Math.min(seconds[end]! - seconds[start]!, maxPauseMs)
    start = end
  }
  return offsets
}
