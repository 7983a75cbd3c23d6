/**
 * A WebSocket that reports its update-bearing frames to a SaveTracker.
 *
 * The stock y-websocket provider sends from several places (its update handler, its reply
 * to sync step 1); subclassing the socket is the one seam that sees all of them without
 * patching the provider. Pass the class as the provider's `WebSocketPolyfill`.
 */
import { isUpdateBearing } from '../../model/protocol'
import type { SaveTracker } from './save-tracker'

type Frame = Parameters<WebSocket['send']>[0]

export function countingWebSocket(tracker: SaveTracker): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    readonly #connection: number

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.#connection = tracker.beginConnection()
    }

    override send(frame: Frame): void {
      super.send(frame)
      // Counted after sending: a frame the browser refused (socket not open) never reaches the server's count.
      if (frame instanceof Uint8Array && isUpdateBearing(frame)) tracker.recordSent(this.#connection)
    }
  }
}
