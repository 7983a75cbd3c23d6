/**
 * Other people's changes, applied to this tab's document in batches.
 *
 * The provider applies each change the server relays as it arrives, and each became one editor
 * transaction: the view updated, every caret recomputed and the selection scrolled into view,
 * which forces a layout. In a room of 200 authors the server relays a merged frame every few
 * milliseconds, and that work kept the page's main thread busy most of every second
 * (docs/benchmarks.md, browser-crowd). Now a change that arrives after a quiet spell is applied
 * at once, so two people typing see each other without delay; changes arriving sooner than that
 * wait and are applied together, in one Yjs transaction, which the editor draws once.
 *
 * Only relayed updates wait. The handshake's steps are read at once, after whatever is waiting,
 * so their order holds. Presence is read at once too: a caret that arrives before the text it
 * stands in is drawn when that text is applied, as the caret plugin redraws on every change.
 */
import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_SYNC, SYNC_UPDATE } from '../../model/protocol'

/**
 * 50 ms at the least: 20 redraws a second, below what anyone notices of others' typing, and the
 * server's own pace for presence. Longer when applying takes long (a big document, a huge crowd):
 * waiting 4 times as long as the last batch took keeps this work to a fifth of the main thread.
 */
export const LEAST_GAP_MS = 50
export const GAP_PER_APPLY_MS = 4
/** However busy the room, others' text shows within half a second. */
export const MOST_GAP_MS = 500

export interface Clock {
  now(): number
  /** Runs `run` after `ms`; returns a way to cancel it. */
  after(ms: number, run: () => void): () => void
}

const browserClock: Clock = {
  now: () => performance.now(),
  after: (ms, run) => {
    const timeout = setTimeout(run, ms)
    return () => clearTimeout(timeout)
  },
}

export class RemoteChanges {
  private readonly waiting: Uint8Array[] = []
  private cancel: (() => void) | null = null
  private nextAllowed = Number.NEGATIVE_INFINITY

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly clock: Clock = browserClock,
  ) {
    const handlers = provider.messageHandlers
    const readSync = handlers[MESSAGE_SYNC]!
    handlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
      if (decoding.peekVarUint(decoder) !== SYNC_UPDATE) {
        this.applyWaiting()
        readSync(encoder, decoder, ...rest)
        return
      }
      decoding.readVarUint(decoder)
      this.receive(decoding.readVarUint8Array(decoder))
    }
  }

  /** Drops what is waiting: the document is being closed. */
  stop(): void {
    this.cancel?.()
    this.cancel = null
    this.waiting.length = 0
  }

  private receive(update: Uint8Array): void {
    this.waiting.push(update)
    if (this.cancel !== null) return
    const wait = this.nextAllowed - this.clock.now()
    if (wait <= 0) this.applyWaiting()
    else this.cancel = this.clock.after(wait, () => this.applyWaiting())
  }

  private applyWaiting(): void {
    this.cancel?.()
    this.cancel = null
    if (this.waiting.length === 0) return
    const updates = this.waiting.splice(0)
    const { doc } = this.provider
    const started = this.clock.now()
    // One transaction, with the provider as origin as when it applies an update itself.
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update, this.provider)
    }, this.provider)
    const took = this.clock.now() - started
    this.nextAllowed = this.clock.now() + Math.min(MOST_GAP_MS, Math.max(LEAST_GAP_MS, took * GAP_PER_APPLY_MS))
  }
}
