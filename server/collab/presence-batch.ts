/**
 * Relaying presence (carets, names, the server's own fields) in batches. Every change of
 * presence went to every client at once: with 200 people moving their carets a few times a
 * second each, that is tens of thousands of frames a second. Now the clients whose presence
 * changed are collected and their newest states sent in one frame, at once if the room has been
 * quiet, otherwise when the gap after the last frame ends: 50 ms in a small room, longer the
 * longer the last frame took to send and the more bytes it was (fan-out-cost.ts). A frame goes
 * out to a slice of the room per turn of the event loop, so that changes are not held up by it.
 */
import type * as awarenessProtocol from 'y-protocols/awareness'
import { presenceGap } from './fan-out-cost'
import { Pacer } from './pacer'
import type { Recipient } from './relay-batch'
import { encodeAwareness } from './server-frames'

/**
 * 64 connections per turn of the event loop. A frame of 200 carets is some 50 KB, and sending it to
 * 400 connections took the server tens of ms in one go (bench/authors.ts), during which the changes
 * waiting behind it could not be relayed: that was the slowest 1% of keystrokes with 200 authors.
 * Sent in slices, the relay's flushes run in between.
 */
const MEMBERS_PER_TURN = 64

export class PresenceBatch {
  private readonly changed = new Set<number>()
  private readonly pacer: Pacer
  /** Cancels the rest of the frame being sent, if one is. */
  private cancelDelivery: (() => void) | null = null
  /** How long the last frame took to send to everyone, counting only the sending. */
  private lastDeliveryMs = 0

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly members: () => Iterable<Recipient>,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.pacer = new Pacer(() => this.flush(), now)
  }

  add(clientIds: Iterable<number>): void {
    for (const clientId of clientIds) this.changed.add(clientId)
    if (this.changed.size > 0) this.pacer.request()
  }

  stop(): void {
    this.pacer.stop()
    this.cancelDelivery?.()
    this.cancelDelivery = null
    this.changed.clear()
  }

  private flush(): number {
    // A removed state is sent as null with its meta clock, which the awareness keeps after removal.
    const frame = encodeAwareness(this.awareness, [...this.changed])
    this.changed.clear()
    const members = [...this.members()]
    // A frame still on its way is overtaken: its states are older, and receivers skip older clocks.
    this.cancelDelivery?.()
    this.deliver(frame, members, 0, 0)
    return presenceGap(this.lastDeliveryMs, members.length, frame.byteLength)
  }

  private deliver(frame: Uint8Array, members: readonly Recipient[], from: number, sentMs: number): void {
    const started = this.now()
    const end = Math.min(members.length, from + MEMBERS_PER_TURN)
    for (let index = from; index < end; index++) members[index]!.send(frame)
    const sent = sentMs + this.now() - started
    if (end === members.length) {
      this.cancelDelivery = null
      this.lastDeliveryMs = sent
      return
    }
    const immediate = setImmediate(() => this.deliver(frame, members, end, sent))
    this.cancelDelivery = () => clearImmediate(immediate)
  }
}
