/**
 * Relaying presence (carets, names, the server's own fields) in batches. Every change of
 * presence went to every client at once: with 200 people moving their carets a few times a
 * second each, that is tens of thousands of frames a second. Now the clients whose presence
 * changed are collected and their newest states sent in one frame, at once if nothing was sent
 * in the last interval, otherwise when it ends. A caret shown 50 ms late is not noticed; the
 * interval caps frames at 20 a second per client however many people move.
 */
import type * as awarenessProtocol from 'y-protocols/awareness'
import type { Recipient } from './relay-batch'
import { encodeAwareness } from './server-frames'

/** 50 ms: below what people notice of a caret's lag, and at most 20 presence frames a second per client. */
export const PRESENCE_INTERVAL_MS = 50

export class PresenceBatch {
  private readonly changed = new Set<number>()
  /** Cancels the flush that is due, if one is. */
  private cancel: (() => void) | null = null
  private lastSent = Number.NEGATIVE_INFINITY

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly members: () => Iterable<Recipient>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  add(clientIds: Iterable<number>): void {
    for (const clientId of clientIds) this.changed.add(clientId)
    if (this.cancel !== null || this.changed.size === 0) return
    const wait = this.lastSent + PRESENCE_INTERVAL_MS - this.now()
    if (wait <= 0) {
      const immediate = setImmediate(() => this.flush())
      this.cancel = () => clearImmediate(immediate)
    } else {
      const timeout = setTimeout(() => this.flush(), wait)
      this.cancel = () => clearTimeout(timeout)
    }
  }

  stop(): void {
    this.cancel?.()
    this.cancel = null
    this.changed.clear()
  }

  private flush(): void {
    this.cancel = null
    // A removed state is sent as null with its meta clock, which the awareness keeps after removal.
    const frame = encodeAwareness(this.awareness, [...this.changed])
    this.changed.clear()
    this.lastSent = this.now()
    for (const member of this.members()) member.send(frame)
  }
}
