import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCrowd, type Scenario } from '../../bench/crowd/crowd'
import { signUp } from '../../bench/support/peers'
import { startCoffeehouse, type ServerProcess } from '../../bench/support/processes'

const small: Scenario = {
  name: 'crowd harness',
  authors: 3,
  readers: 4,
  probes: 2,
  editsPerSecond: 10,
  seconds: 1,
  warmUpSeconds: 0.5,
  processes: 2,
  text: 'Every author types this sentence from their own place in it. ',
  carets: true,
}

describe('the crowd harness', () => {
  let server: ServerProcess
  beforeAll(async () => {
    server = await startCoffeehouse()
  }, 60_000)
  afterAll(() => server?.stop())

  it('times every keystroke after the warm-up at every probe exactly once, and finds every paragraph as typed', async () => {
    const cookies = await Promise.all(Array.from({ length: small.authors }, (_, index) => signUp(server, `crowd author ${index}`)))
    const result = await runCrowd(server, small, cookies)
    expect(result.edits).toBe(small.authors * (small.warmUpSeconds + small.seconds) * small.editsPerSecond)
    expect(result.timed).toBeGreaterThan(0)
    expect(result.timed).toBeLessThan(result.edits)
    expect(result.latencies).toHaveLength(result.timed * small.probes)
    expect(result.latencies.every((latency) => latency >= 0)).toBe(true)
    expect({ lost: result.lost, unarrived: result.unarrived, closed: result.closed }).toEqual({ lost: 0, unarrived: 0, closed: 0 })
    expect(result.readerBytesPerSecond).toBeGreaterThan(0)
  }, 120_000)

  it('counts what the server refused as lost: authors without an account may not write', async () => {
    const owner = await signUp(server, 'crowd owner')
    const result = await runCrowd(server, { ...small, name: 'refused crowd', catchUpSeconds: 2 }, [owner, undefined, undefined])
    expect(result.lost).toBe(2 * (small.warmUpSeconds + small.seconds) * small.editsPerSecond)
    expect(result.closed).toBe(2)
  }, 120_000)
})
