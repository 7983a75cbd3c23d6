/**
 * Presence shared with the other nodes that serve a document (several servers behind one
 * address): what people on this node do is sent on, what people on other nodes do arrives here.
 * The sync server knows only this seam; server/cluster/redis-presence.ts carries it over Redis.
 */

export interface PresenceChannel {
  /** Sends an awareness update (y-protocols' encoding) of this node's people to the other nodes. */
  publish(update: Uint8Array): void
  /** Sets a field of the server's own entry on the other nodes too (DocumentView.setServerPresence). */
  publishServerField(field: string, value: unknown): void
  /** Stops hearing the document's presence. */
  leave(): void
}

export interface PresenceLink {
  /** Starts hearing the presence of `documentId` on other nodes. */
  join(documentId: string, node: NodePresence): PresenceChannel
}

/** What a node's room does with the presence of the other nodes. */
export interface NodePresence {
  /** Applies another node's awareness update. */
  receive(update: Uint8Array): void
  /** Sets a field of the server's own entry, as another node did. */
  receiveServerField(field: string, value: unknown): void
  /** Everything of this node's people, for a node that arrives; null for nobody. */
  describeAll(): Uint8Array | null
}
