/**
 * A token bucket: each message costs one token; tokens come back at `perSecond` up
 * to `burst`. When a client overspends, the server stops reading its socket until
 * the debt is repaid. TCP then slows the client down; nothing is dropped or closed,
 * so an honest client that pastes a lot is only delayed.
 */
export class MessageBudget {
  private tokens: number
  private updatedAt: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = burst
    this.updatedAt = now()
  }

  /** Spends one token; returns how many milliseconds to stop reading for (0 if none). */
  spend(): number {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond)
    this.updatedAt = now
    this.tokens -= 1
    return this.tokens >= 0 ? 0 : (-this.tokens / this.perSecond) * 1000
  }
}
