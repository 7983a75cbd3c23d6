/**
 * Writes that may wait: many changes within `delayMs` become one write. For data
 * whose last few seconds may be lost in a crash (timestamps, session expiry), so
 * that a whole-file store such as lowdb is never rewritten per keystroke or request.
 */
export class CoalescedWrites {
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly delayMs: number,
    private readonly write: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null
      this.write().catch(this.onError)
    }, this.delayMs)
  }

  /** Writes now if a write is pending. */
  async flush(): Promise<void> {
    if (!this.timer) return
    clearTimeout(this.timer)
    this.timer = null
    await this.write()
  }
}
