/**
 * Presence in one room: who is here and where their carets are (y-protocols' awareness), with the
 * server's own entry, which the capabilities write fields of (DocumentView.setServerPresence).
 *
 * Each client id's entry belongs to the connection that first set it: a client may not overwrite
 * another's presence, nor the server's, and its entries go when it leaves. Changes go out in
 * batches (presence-batch.ts).
 *
 * With several nodes, the entries of people on this node are sent on to the others, at most every
 * LINK_FLUSH_MS, and theirs arrive here (shared-presence.ts). Those belong to their node: no
 * client here may overwrite them, and they go when their node says so, or, if the node is gone,
 * after the 30 seconds without renewal that y-protocols allows any entry.
 */
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { decodeAwarenessUpdate, encodeAwarenessEntries, readAwarenessState, type AwarenessEntry, type ReceivedAwarenessEntry } from './frames'
import { PresenceBatch } from './presence-batch'
import type { Recipient } from './relay-batch'
import { encodeAwareness } from './server-frames'
import type { PresenceChannel, PresenceLink } from './shared-presence'

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

/** The origin of entries that arrived from another node. */
const FROM_ANOTHER_NODE = Symbol('from another node')

/**
 * 50 ms: carets on other nodes move as smoothly as those relayed here (presence-batch.ts waits at
 * least as long), with one message per room per 50 ms whatever the number of people.
 */
const LINK_FLUSH_MS = 50

export class RoomPresence<Member extends Recipient> {
  private readonly awareness: awarenessProtocol.Awareness
  /** Who set each client id's entry. */
  private readonly owners = new Map<number, Member>()
  /** Client ids whose entries another node set. */
  private readonly fromOtherNodes = new Set<number>()
  private readonly batch: PresenceBatch
  private link: { channel: PresenceChannel; changed: Set<number>; timer: NodeJS.Timeout | null } | null = null

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
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      const changed = [...added, ...updated, ...removed]
      this.batch.add(changed)
      // Another node's entries are its to send, also when they time out here.
      if (origin !== FROM_ANOTHER_NODE) this.sendOn(changed.filter((clientId) => !this.fromOtherNodes.has(clientId)))
      for (const clientId of removed) this.fromOtherNodes.delete(clientId)
    })
  }

  /** Shares this room's presence with the other nodes serving the document. */
  share(link: PresenceLink, documentId: string): void {
    const channel = link.join(documentId, {
      receive: (update) => this.applyFromAnotherNode(update),
      receiveServerField: (field, value) => this.setServerField(field, value, false),
      describeAll: () => {
        const mine = this.localClientIds()
        return mine.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, mine) : null
      },
    })
    this.link = { channel, changed: new Set(), timer: null }
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
      .filter((entry) => entry.clientId !== this.awareness.clientID && !this.fromOtherNodes.has(entry.clientId) && (this.owners.get(entry.clientId) ?? sender) === sender)
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

  /** `everywhere`: set on the other nodes serving the document too. */
  setServerField(field: string, value: unknown, everywhere = true): void {
    if (everywhere) this.link?.channel.publishServerField(field, value)
    const state: Record<string, unknown> = { ...(this.awareness.getLocalState() ?? {}) }
    if (value === null) delete state[field]
    else state[field] = value
    this.awareness.setLocalState(Object.keys(state).length > 0 ? state : null)
  }

  destroy(): void {
    if (this.link) {
      if (this.link.timer) clearTimeout(this.link.timer)
      // The last people who left: the other nodes would otherwise show them for 30 seconds more.
      if (this.link.changed.size > 0) this.link.channel.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.link.changed]))
      this.link.channel.leave()
      this.link = null
    }
    this.awareness.destroy()
    // After the awareness: destroying it clears the server's own presence, which is one more change.
    this.batch.stop()
  }

  /** Entries of people on this node: the server's own entry stays here, each node has its own. */
  private localClientIds(): number[] {
    return [...this.awareness.getStates().keys()].filter((clientId) => clientId !== this.awareness.clientID && !this.fromOtherNodes.has(clientId))
  }

  private sendOn(clientIds: number[]): void {
    const link = this.link
    if (!link) return
    for (const clientId of clientIds) if (clientId !== this.awareness.clientID) link.changed.add(clientId)
    if (link.changed.size === 0 || link.timer) return
    link.timer = setTimeout(() => {
      link.timer = null
      const changed = [...link.changed]
      link.changed.clear()
      // A removed entry is sent as null with its clock, which the awareness keeps after removal.
      link.channel.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
    }, LINK_FLUSH_MS)
  }

  /** Throws MalformedMessageError for an update that is not one. */
  private applyFromAnotherNode(update: Uint8Array): void {
    // A client id that a connection here owns is not another node's to set, nor is the server's.
    const theirs = decodeAwarenessUpdate(update)
      .filter(({ clientId }) => !this.owners.has(clientId) && clientId !== this.awareness.clientID)
      .map(readAwarenessState)
    if (theirs.length === 0) return
    for (const { clientId, state } of theirs) {
      if (state === null) this.fromOtherNodes.delete(clientId)
      else this.fromOtherNodes.add(clientId)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(theirs), FROM_ANOTHER_NODE)
  }
}
