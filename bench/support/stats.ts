/** Summaries of repeated timings. */

/** The value below which `fraction` of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[rank]!
}

export const median = (samples: readonly number[]) => percentile(samples, 0.5)

/** Times `work` `runs` times after `warmups` untimed runs; returns milliseconds per run. */
export function timeRuns(work: () => void, runs: number, warmups = 3): number[] {
  for (let i = 0; i < warmups; i++) work()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    samples.push(performance.now() - start)
  }
  return samples
}
