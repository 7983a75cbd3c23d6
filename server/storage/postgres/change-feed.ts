/**
 * How the nodes sharing a database hear of each other's changes as they are stored: the PostgreSQL
 * log publishes what it committed, under the numbers the database gave it, and hears what others
 * committed (postgres-log.ts). A feed may lose messages; the numbers show the gap, and the log
 * reads what is missing from the database. server/cluster/redis-change-feed.ts is the feed over Redis.
 */

export interface PublishedChanges {
  /** The number of the first record; the others follow it without gaps. */
  first: number
  records: Uint8Array[]
}

export interface ChangeFeed {
  /** Tells the other nodes that these records of the document were stored. Does not wait. */
  publish(documentId: string, changes: PublishedChanges): void
  /** Calls `listener` with what other nodes publish for the document; resolves, once listening, with how to stop. */
  subscribe(documentId: string, listener: (changes: PublishedChanges) => void): Promise<() => Promise<void>>
  /** Calls `listener` whenever published changes may have been missed; returns how to stop. */
  onMissed(listener: () => void): () => void
}
