/**
 * Presence shared with the other nodes that serve a document (several servers behind one
 * address): what people on this node do is sent on, what people on other nodes do arrives here.
 * The sync server knows only this seam; server/cluster/redis-presence.ts carries it over Redis.
 */

export interface PresenceChannel {
  /** Sends an awareness update (y-protocols' encoding) of this node's people to the other nodes. */
  publish(update: Uint8Array): void
  /** Stops hearing the document's presence. */
  leave(): void
}

export interface PresenceLink {
  /**
   * Starts hearing the presence of `documentId` on other nodes: `receive` gets their awareness
   * updates, `describeAll` is asked for everything this node has when another node arrives.
   */
  join(documentId: string, receive: (update: Uint8Array) => void, describeAll: () => Uint8Array | null): PresenceChannel
}
