/**
 * Relaying presence (carets, names, the server's own fields) in batches. Every change of
 * presence went to every client at once: with 200 people moving their carets a few times a
 * second each, that is tens of thousands of frames a second. Now the clients whose presence
 * changed are collected and their newest states sent in one frame, at once if the room has been
 * quiet, otherwise when the gap after the last frame ends: 50 ms in a small room, longer the
 * longer the last frame took to send and the more bytes it was (fan-out-cost.ts).
 */
import type * as awarenessProtocol from 'y-protocols/awareness'
import { presenceGap } from './fan-out-cost'
import { Pacer } from './pacer'
import type { Recipient } from './relay-batch'
import { encodeAwareness } from './server-frames'

export class PresenceBatch {
  private readonly changed = new Set<number>()
  private readonly pacer: Pacer

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
    this.changed.clear()
  }

  private flush(): number {
    const started = this.now()
    // A removed state is sent as null with its meta clock, which the awareness keeps after removal.
    const frame = encodeAwareness(this.awareness, [...this.changed])
    this.changed.clear()
    let members = 0
    for (const member of this.members()) {
      member.send(frame)
      members++
    }
    return presenceGap(this.now() - started, members, frame.byteLength)
  }
}
