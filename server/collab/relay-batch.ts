/**
 * Relaying changes in batches. Every change that becomes durable before the room's next flush
 * goes to each client in one frame, the changes merged with Y.mergeUpdates: with many people
 * typing, one frame per change per client is N × N frames, and most of the cost of a frame is
 * having one at all (a write system call). An idle room adds no delay: the first change after a
 * quiet spell goes out at the end of the turn in which it became durable; after that, each flush
 * is followed by a gap as long as it took (fan-out-cost.ts): a few ms in a crowded room.
 *
 * Everyone gets the same frames, merged once, writers included: Yjs skips what a client already
 * has, and merging a frame per writer without their own changes made the cost grow with the
 * number of writers times the batch. Only a batch that is all one client's changes skips that
 * client, which is what a lone writer sees.
 */
import * as Y from 'yjs'
import { relayGap } from './fan-out-cost'
import { Pacer } from './pacer'
import { encodeSyncUpdate } from './server-frames'

/** What a batch needs of a connection: where to send. */
export interface Recipient {
  send(frame: Uint8Array): void
}

export class RelayBatch<Member extends Recipient> {
  private pending: Uint8Array[] = []
  /** The one connection every pending change came from, null once they come from several (or from the server). */
  private soleSender: Member | null | undefined = undefined
  private readonly pacer: Pacer

  constructor(
    private readonly members: () => Iterable<Member>,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.pacer = new Pacer(() => this.flush(), now)
  }

  /** A durable change, from `sender` (null: the server's own), to relay to everyone else. */
  add(update: Uint8Array, sender: Member | null): void {
    this.pending.push(update)
    this.soleSender = this.soleSender === undefined || this.soleSender === sender ? sender : null
    this.pacer.request()
  }

  /** Drops what was not yet relayed: the room is going away. */
  stop(): void {
    this.pacer.stop()
    this.pending = []
    this.soleSender = undefined
  }

  private flush(): number {
    const started = this.now()
    const frames = framesOf(this.pending)
    const skipped = this.soleSender
    this.pending = []
    this.soleSender = undefined
    for (const member of this.members()) {
      if (member === skipped) continue
      for (const frame of frames) member.send(frame)
    }
    return relayGap(this.now() - started)
  }
}

/**
 * 64 changes at most in one frame: the cost of Y.mergeUpdates grows faster than the number of
 * changes (measured here: 1,000 one-letter changes 41 ms, 4,000 in 249 ms), so a bulk import or a
 * client catching up is sent in several frames rather than merged at once; with people typing, a
 * batch rarely holds more than a few dozen.
 */
const MOST_MERGED = 64

function framesOf(updates: readonly Uint8Array[]): Uint8Array[] {
  const frames: Uint8Array[] = []
  for (let start = 0; start < updates.length; start += MOST_MERGED) {
    const group = updates.slice(start, start + MOST_MERGED)
    frames.push(encodeSyncUpdate(group.length === 1 ? group[0]! : Y.mergeUpdates(group)))
  }
  return frames
}
