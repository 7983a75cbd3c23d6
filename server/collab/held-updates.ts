/**
 * Updates that build on content the document does not have yet (MissingDependencyError), held
 * until it arrives, as Yjs itself keeps such structs pending: a client reconnecting sends what it
 * typed offline before its sync step 2 brings what that builds on, and refusing it would refuse
 * everything after it too. What can be applied is applied at once, as Yjs does; whenever the
 * document changes, what is held is tried again, oldest first.
 *
 * What is held is bounded per document. An update past the bound closes its connection with
 * 4507; the client reconnects and its sync handshake sends everything again, in order. A
 * connection's held updates go when it does: the client still has them, and sends them again.
 */
import { CheckLater } from './hooks'
import { MissingDependencyError } from './update-check'

/**
 * 4 MiB or 10,000 updates per document: a person's hour of offline typing is some tens of
 * kilobytes in a few thousand updates; a client that sends updates building on nothing fills it
 * without the server holding more than a small share of its memory for it.
 */
export const MAX_HELD_BYTES = 4 * 1024 * 1024
export const MAX_HELD_UPDATES = 10_000

export class TooManyHeldUpdatesError extends Error {
  override name = 'TooManyHeldUpdatesError'
}

interface HeldUpdate {
  update: Uint8Array
  /** Settles with the promise that the update is stored, once it is applied, or with why it was not. */
  resolve: (stored: Promise<void>) => void
  reject: (error: unknown) => void
}

/** What a member is told and asked. */
export interface Holder {
  /** Applies one update now; throws as Room.applyClientUpdate does. */
  apply(update: Uint8Array): Promise<void>
  /** The update was refused for another reason than a missing dependency: the member is closed. */
  refuse(error: unknown): void
}

export class HeldUpdates<Member> {
  private readonly lines = new Map<Member, HeldUpdate[]>()
  private bytes = 0
  private count = 0
  private retrying = false

  constructor(private readonly holderOf: (member: Member) => Holder) {}

  /** Holds `update` for `member`; resolves with the promise that it is stored, once it is applied. */
  hold(member: Member, update: Uint8Array): Promise<Promise<void>> {
    if (this.bytes + update.byteLength > MAX_HELD_BYTES || this.count + 1 > MAX_HELD_UPDATES) {
      throw new TooManyHeldUpdatesError('too many updates wait for content that has not arrived: reconnect to send them in order')
    }
    return new Promise((resolve, reject) => {
      const line = this.lines.get(member) ?? []
      this.lines.set(member, line)
      line.push({ update, resolve, reject })
      this.bytes += update.byteLength
      this.count++
    })
  }

  /** Drops what `member` had waiting: it left. */
  drop(member: Member, reason: Error): void {
    const line = this.lines.get(member)
    if (!line) return
    this.lines.delete(member)
    for (const held of line) {
      this.release(held)
      held.reject(reason)
    }
  }

  /** The document changed: tries each line again, once the change is over. */
  retrySoon(): void {
    if (this.lines.size === 0 || this.retrying) return
    this.retrying = true
    queueMicrotask(() => {
      this.retrying = false
      this.retry()
    })
  }

  private retry(): void {
    for (const [member, line] of this.lines) {
      const holder = this.holderOf(member)
      for (const held of [...line]) {
        let stored: Promise<void>
        try {
          stored = holder.apply(held.update)
        } catch (error) {
          if (error instanceof MissingDependencyError) continue
          if (error instanceof CheckLater) {
            // Tried again once it can be judged; a refusal then comes through the same way.
            error.ready.then(() => this.retrySoon(), () => this.retrySoon())
            continue
          }
          this.drop(member, error instanceof Error ? error : new Error(String(error)))
          holder.refuse(error)
          break
        }
        line.splice(line.indexOf(held), 1)
        this.release(held)
        held.resolve(stored)
      }
      if (line.length === 0 && this.lines.get(member) === line) this.lines.delete(member)
    }
  }

  private release(held: HeldUpdate): void {
    this.bytes -= held.update.byteLength
    this.count--
  }
}
