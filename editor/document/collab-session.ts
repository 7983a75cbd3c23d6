/**
 * One open document: its Y.Doc, the websocket provider that syncs it (applying others' changes
 * in batches, remote-changes.ts, and sending only this tab's own presence, own-presence-only.ts),
 * and the save tracker.
 *
 * No React here. The page creates a session when it mounts and destroys it when it unmounts;
 * the session exposes plain getters and a subscribe function for useSyncExternalStore.
 */
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode, MESSAGE_SAVED, readSaved, SAVE_ACK_PARAM } from '../../model/protocol'
import { countingWebSocket } from './counting-websocket'
import { sendOwnPresenceOnly } from './own-presence-only'
import { RemoteChanges } from './remote-changes'
import { type SaveState, saveState } from './save-status'
import { SaveTracker } from './save-tracker'

/**
 * Why the server ended the connection for good (the provider stops retrying on 44xx codes):
 * the document is gone, someone must sign in, this person may not (or may no longer) be
 * here or edit, this tab's edits are bound to another account (4409: it was signed in as
 * someone else when it first wrote), this person may only suggest and the server refused a
 * change that was not a suggestion (4422), or the server refused what this tab sent.
 */
export type Closure = 'document-not-found' | 'sign-in-required' | 'forbidden' | 'identity-taken' | 'suggestion-refused' | 'rejected'

function closureFor(code: number): Closure {
  switch (code) {
    case CloseCode.documentNotFound:
      return 'document-not-found'
    case CloseCode.signInRequired:
      return 'sign-in-required'
    case CloseCode.forbidden:
      return 'forbidden'
    case CloseCode.clientIdTaken:
      return 'identity-taken'
    case CloseCode.suggestOnly:
      return 'suggestion-refused'
    default:
      return 'rejected'
  }
}

/** The collaboration endpoint on the page's own origin (the dev server proxies it). */
function collabUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
}

export class CollabSession {
  readonly doc = new Y.Doc()
  readonly tracker = new SaveTracker()
  readonly provider: WebsocketProvider
  readonly #remoteChanges: RemoteChanges
  readonly #stopPresenceFilter: () => void
  #closure: Closure | null = null
  #hasConnected = false
  #hasSynced = false
  #accessChanges = 0
  readonly #listeners = new Set<() => void>()

  constructor(readonly documentId: string) {
    // Registered before the provider exists, so the edit is counted before the provider sends it.
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider) this.tracker.recordLocalUpdate()
    })
    this.provider = new WebsocketProvider(collabUrl(window.location), encodeURIComponent(documentId), this.doc, {
      // Wired up first, connected below, so no status event or message can slip past us.
      connect: false,
      params: { [SAVE_ACK_PARAM]: '1' },
      // Tabs must not pass edits to each other: the server credits an edit to the account of
      // the connection that sends it, and another tab may be signed in as someone else.
      disableBc: true,
      WebSocketPolyfill: countingWebSocket(this.tracker),
    })
    this.#remoteChanges = new RemoteChanges(this.provider)
    this.#stopPresenceFilter = sendOwnPresenceOnly(this.provider)
    // Leaves the encoder empty: the acknowledgement needs no reply.
    this.provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
      this.tracker.recordSaved(readSaved(decoder))
    }
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.#hasConnected = true
      this.#notify()
    })
    this.provider.on('sync', (synced: boolean) => {
      if (!synced || this.#hasSynced) return
      this.#hasSynced = true
      this.#notify()
    })
    // The provider reconnects by itself; the page must also read the person's new role.
    this.provider.on('connection-close', (event) => {
      if (event?.code !== CloseCode.accessChanged) return
      this.#accessChanges++
      this.#notify()
    })
    this.provider.on('closed', ({ code }) => {
      this.#closure = closureFor(code)
      this.#notify()
    })
    this.tracker.subscribe(() => this.#notify())
    this.provider.connect()
  }

  get saveState(): SaveState {
    return saveState(this.provider.wsconnected, this.tracker.hasUnsavedChanges)
  }

  /** False until the first connection opens, so the UI can hold back "Offline" during the first handshake. */
  get hasConnected(): boolean {
    return this.#hasConnected
  }

  /**
   * True once the server's copy has arrived. The editor waits for it: bound to an empty
   * Y.Doc it would show a blank page and, on the first keystroke, create a paragraph that
   * then sits beside the real content.
   */
  get hasSynced(): boolean {
    return this.#hasSynced
  }

  /** How many times the server said this person's role changed; the page reloads the role on each. */
  get accessChanges(): number {
    return this.#accessChanges
  }

  /** Set when the server refused the document for good; the session will not reconnect on its own. */
  get closure(): Closure | null {
    return this.#closure
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  destroy(): void {
    this.#listeners.clear()
    this.#remoteChanges.stop()
    this.#stopPresenceFilter()
    // The provider first (it tells others we left), then the doc, which also ends the awareness.
    this.provider.destroy()
    this.doc.destroy()
  }

  #notify(): void {
    for (const listener of this.#listeners) listener()
  }
}
