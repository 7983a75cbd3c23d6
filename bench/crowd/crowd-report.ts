/** How a crowd's result reads in a benchmark table. */
import { ms, percentile } from '../support'
import type { CrowdResult } from './crowd'

export const p99Of = (result: CrowdResult) => percentile(result.latencies, 0.99)

/** "p50 4.1 ms, p99 38 ms, 0 lost; server 712 µs/edit at 61% of a core" */
export function describeCrowd(result: CrowdResult): string {
  const lost = result.lost + result.unarrived
  const closed = result.closed > 0 ? `, ${result.closed} closed` : ''
  return (
    `p50 ${ms(percentile(result.latencies, 0.5))}, p99 ${ms(p99Of(result))}, ${lost} lost${closed}; ` +
    `server ${Math.round(result.serverMicrosPerEdit)} µs/edit at ${Math.round(result.serverLoad * 100)}% of a core`
  )
}

/** True if every edit arrived everywhere, in time for the target, and nobody was cut off. */
export function passes(result: CrowdResult, targetP99: number): boolean {
  return result.lost === 0 && result.unarrived === 0 && result.closed === 0 && p99Of(result) <= targetP99
}
