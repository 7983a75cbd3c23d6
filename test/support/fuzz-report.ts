/**
 * What a fuzz run prints: the figures docs/reliability.md records, so that a long run
 * (`npm run fuzz`) can be compared with the last one. Measured, never asserted on: timings
 * belong in reports, not in pass/fail (see STYLE.md).
 */
import { percentile } from '../../bench/support/stats'
import type { TestServer } from './server'

export interface HealthCheck {
  status: number
  ms: number
}

/** One timed request to /api/health. */
export async function checkHealth(server: Pick<TestServer, 'url'>): Promise<HealthCheck> {
  const started = performance.now()
  const response = await fetch(`${server.url}/api/health`)
  await response.arrayBuffer()
  return { status: response.status, ms: performance.now() - started }
}

export interface FuzzFigures {
  frames: number
  accepted: number
  connections: number
  closeCodes: number[]
  crashes: number
  stalls: number
  healthMs: number[]
}

export function report(figures: FuzzFigures): void {
  const byCode = new Map<number, number>()
  for (const code of figures.closeCodes) byCode.set(code, (byCode.get(code) ?? 0) + 1)
  const closes = [...byCode].sort(([a], [b]) => a - b).map(([code, count]) => `${code} × ${count}`).join(', ')
  const p99 = figures.healthMs.length > 0 ? `${percentile(figures.healthMs, 0.99).toFixed(1)} ms` : 'n/a'
  console.log(
    [
      `fuzz: ${figures.frames} frames, ${figures.accepted} accepted, ${figures.connections} connections`,
      `closes by code: ${closes || 'none'}`,
      `crashes: ${figures.crashes}, stalls: ${figures.stalls}`,
      `health: ${figures.healthMs.length} checks during the run, p99 ${p99}`,
    ].join('\n'),
  )
}
