/**
 * The stock provider sends every change of presence it hears, other people's included: each
 * presence frame the server relays (up to a whole room's carets) went straight back to it. The
 * server skips that echo unread (server/collab/frames.ts), but in a room of 200 the page spent
 * about a fiftieth of its time encoding and sending it (docs/benchmarks.md, browser-crowd). Only
 * this tab's own presence needs sending; the provider's own handler still does the sending.
 *
 * Returns a function that undoes this, for when the provider is destroyed.
 */
import type { WebsocketProvider } from 'y-websocket'

type AwarenessChanges = Parameters<WebsocketProvider['_awarenessUpdateHandler']>[0]

export function sendOwnPresenceOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  const send = provider._awarenessUpdateHandler
  // The provider applies what it receives with itself as the origin.
  const sendUnlessReceived = (changes: AwarenessChanges, origin: unknown) => {
    if (origin !== provider) send(changes, origin)
  }
  awareness.off('update', send)
  awareness.on('update', sendUnlessReceived)
  return () => awareness.off('update', sendUnlessReceived)
}
