import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { presenceGap, relayGap } from '../../server/collab/fan-out-cost'
import { Pacer } from '../../server/collab/pacer'

describe('pacing a batch’s flushes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  /** A pacer whose flushes ask for a 30 ms gap, on a clock the test moves. */
  function pacedAt30() {
    const clock = { now: 0 }
    const flushes: number[] = []
    const pacer = new Pacer(
      () => {
        flushes.push(clock.now)
        return 30
      },
      () => clock.now,
    )
    return { clock, flushes, pacer }
  }

  it('flushes at the end of the turn when the batch has been quiet', () => {
    const { flushes, pacer } = pacedAt30()
    pacer.request()
    expect(flushes).toEqual([])
    vi.advanceTimersByTime(0)
    expect(flushes).toEqual([0])
  })

  it('holds a flush asked for within the gap until the gap ends, and makes one of several requests', () => {
    const { clock, flushes, pacer } = pacedAt30()
    pacer.request()
    vi.advanceTimersByTime(0)
    clock.now = 10
    pacer.request()
    pacer.request()
    vi.advanceTimersByTime(19)
    expect(flushes).toEqual([0])
    clock.now = 30
    vi.advanceTimersByTime(1)
    expect(flushes).toEqual([0, 30])
  })

  it('never flushes after being stopped', () => {
    const { flushes, pacer } = pacedAt30()
    pacer.request()
    pacer.stop()
    vi.runAllTimers()
    expect(flushes).toEqual([])
  })
})

describe('the gaps a room’s fan-out asks for', () => {
  it('follows a relay flush with a gap half as long again as it took, up to a bound', () => {
    expect(relayGap(0.2)).toBeCloseTo(0.3)
    expect(relayGap(12)).toBe(18)
    expect(relayGap(5_000)).toBeLessThanOrEqual(100)
  })

  it('sends presence every 50 ms in a small room and less often when each frame is slow to send or large', () => {
    expect(presenceGap(0.2, 5, 300)).toBe(50)
    expect(presenceGap(30, 1_000, 300)).toBeGreaterThan(100)
    expect(presenceGap(8, 400, 50_000)).toBeGreaterThan(500)
    expect(presenceGap(8, 400, 50_000)).toBeLessThanOrEqual(2_000)
  })
})
