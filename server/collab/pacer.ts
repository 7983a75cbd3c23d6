/**
 * Paces a batch's flushes: a flush asked for after a quiet spell happens at the end of the
 * current turn of the event loop, so an idle room adds no delay; one asked for sooner than the
 * last flush allows waits until then. Each flush says how long the next must wait, which is how
 * a batch spaces its flushes by what they cost (relay-batch.ts, presence-batch.ts).
 */
export class Pacer {
  /** Cancels the flush that is due, if one is. */
  private cancel: (() => void) | null = null
  private nextAllowed = Number.NEGATIVE_INFINITY

  constructor(
    /** Sends the batch; returns how many ms must pass before the next flush. */
    private readonly flush: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  request(): void {
    if (this.cancel !== null) return
    const wait = this.nextAllowed - this.now()
    if (wait <= 0) {
      const immediate = setImmediate(() => this.run())
      this.cancel = () => clearImmediate(immediate)
    } else {
      const timeout = setTimeout(() => this.run(), wait)
      this.cancel = () => clearTimeout(timeout)
    }
  }

  stop(): void {
    this.cancel?.()
    this.cancel = null
  }

  private run(): void {
    this.cancel = null
    const gap = this.flush()
    this.nextAllowed = this.now() + gap
  }
}
