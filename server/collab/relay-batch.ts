/**
 * Relaying changes in batches. Every change that becomes durable before the room's next flush
 * goes to each client in one frame: with many people typing, one frame per change per client is
 * N × N frames, and most of the cost of a frame is having one at all (a write system call). The
 * changes are joined by copying their bytes (update-merge.ts), or merged with Y.mergeUpdates
 * where they cannot be. An idle room adds no delay: the first change after a quiet spell goes out
 * at the end of the turn in which it became durable; after that, each flush is followed by a gap
 * half as long again as it took (fan-out-cost.ts): a few ms in a crowded room.
 *
 * Everyone gets the same frames, joined once, writers included: Yjs skips what a client already
 * has, and a frame per writer without their own changes made the cost grow with the number of
 * writers times the batch. Only a batch that is all one client's changes skips that client, which
 * is what a lone writer sees.
 */
import * as Y from 'yjs'
import { relayGap } from './fan-out-cost'
import { Pacer } from './pacer'
import { encodeSyncUpdate } from './server-frames'
import type { EncodedChange } from './update-encoding'
import { joinChanges } from './update-merge'

/** What a batch needs of a connection: where to send. */
export interface Recipient {
  send(frame: Uint8Array): void
}

export class RelayBatch<Member extends Recipient> {
  private pending: EncodedChange[] = []
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
  add(change: EncodedChange, sender: Member | null): void {
    this.pending.push(change)
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
 * 64 changes at most in one frame: the cost of Y.mergeUpdates, where joining bytes cannot be
 * used, grows faster than the number of changes (measured here: 1,000 one-letter changes 41 ms,
 * 4,000 in 249 ms), so a bulk import or a client catching up is sent in several frames; with
 * people typing, a batch rarely holds more than a few dozen.
 */
const MOST_MERGED = 64

function framesOf(changes: readonly EncodedChange[]): Uint8Array[] {
  const frames: Uint8Array[] = []
  for (let start = 0; start < changes.length; start += MOST_MERGED) {
    const group = changes.slice(start, start + MOST_MERGED)
    const update = group.length === 1 ? group[0]!.update : (joinChanges(group) ?? Y.mergeUpdates(group.map(({ update }) => update)))
    frames.push(encodeSyncUpdate(update))
  }
  return frames
}
