/**
 * Presence in one room: who is here and where their carets are (y-protocols' awareness), with the
 * server's own entry, which the capabilities write fields of (DocumentView.setServerPresence).
 *
 * Each client id's entry belongs to the connection that first set it: a client may not overwrite
 * another's presence, nor the server's, and its entries go when it leaves. Changes go out in
 * batches (presence-batch.ts).
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { encodeAwarenessEntries, readAwarenessState, type AwarenessEntry, type ReceivedAwarenessEntry } from './frames'
import { PresenceBatch } from './presence-batch'
import type { Recipient } from './relay-batch'
import { encodeAwareness } from './server-frames'

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

export class RoomPresence<Member extends Recipient> {
  private readonly awareness: awarenessProtocol.Awareness
  /** Who set each client id's entry. */
  private readonly owners = new Map<number, Member>()
  private readonly batch: PresenceBatch

  constructor(doc: Y.Doc, members: () => Iterable<Member>) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server is not a participant; it has no presence until a capability gives it a field.
    this.awareness.setLocalState(null)
    this.batch = new PresenceBatch(this.awareness, members)
  }

  /** Starts relaying changes of presence. */
  open(): void {
    // Sent to the sender too: y-websocket's provider closes a connection on which nothing has
    // arrived for 30 seconds, and the echo of its own presence, renewed every 15, is what a
    // client alone in a document receives. The echo carries the sender's own clock, so the
    // provider ignores it.
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChanges) => this.batch.add([...added, ...updated, ...removed]))
  }

  get isEmpty(): boolean {
    return this.awareness.getStates().size === 0
  }

  encodeAll(): Uint8Array {
    return encodeAwareness(this.awareness, [...this.awareness.getStates().keys()])
  }

  /**
   * The entries `sender` may set. The server's own entry is the server's: a client writing under
   * its id would speak for it. Only the sender's own entries are read; the rest are the echo of
   * what the server sent (frames.ts).
   */
  entriesOf(entries: readonly ReceivedAwarenessEntry[], sender: Member): AwarenessEntry[] {
    return entries
      .filter((entry) => entry.clientId !== this.awareness.clientID && (this.owners.get(entry.clientId) ?? sender) === sender)
      .map(readAwarenessState)
  }

  /** Applies entries from `sender`, already passed by entriesOf and the extensions. */
  apply(entries: readonly AwarenessEntry[], sender: Member): void {
    if (entries.length === 0) return
    for (const { clientId, state } of entries) {
      if (state === null) this.owners.delete(clientId)
      else this.owners.set(clientId, sender)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), sender)
  }

  /** Removes every entry `member` set: it has left. */
  forget(member: Member): void {
    const owned = [...this.owners].filter(([, owner]) => owner === member).map(([clientId]) => clientId)
    for (const clientId of owned) this.owners.delete(clientId)
    awarenessProtocol.removeAwarenessStates(this.awareness, owned, null)
  }

  setServerField(field: string, value: unknown): void {
    const state: Record<string, unknown> = { ...(this.awareness.getLocalState() ?? {}) }
    if (value === null) delete state[field]
    else state[field] = value
    this.awareness.setLocalState(Object.keys(state).length > 0 ? state : null)
  }

  destroy(): void {
    this.awareness.destroy()
    // After the awareness: destroying it clears the server's own presence, which is one more change.
    this.batch.stop()
  }
}
