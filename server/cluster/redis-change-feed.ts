/**
 * The change feed (storage/postgres/change-feed.ts) over Redis: a channel per document, and a
 * message per group commit, naming the node that sent it so that a node skips its own.
 *
 *   [varstring node id][varuint first number][varuint count][varbytes record] × count
 */
import { randomUUID } from 'node:crypto'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { ChangeFeed, PublishedChanges } from '../storage/postgres/change-feed'
import type { RedisBus } from './redis-bus'

export class RedisChangeFeed implements ChangeFeed {
  /** This node, in the messages it sends. */
  private readonly node = randomUUID()

  constructor(
    private readonly bus: RedisBus,
    /** The database's cluster id (storage/postgres/database.ts): nodes of another database hear nothing of these. */
    private readonly clusterId: string,
    private readonly onUnreadable: (error: unknown) => void,
  ) {}

  publish(documentId: string, { first, records }: PublishedChanges): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, this.node)
    encoding.writeVarUint(encoder, first)
    encoding.writeVarUint(encoder, records.length)
    for (const record of records) encoding.writeVarUint8Array(encoder, record)
    this.bus.publish(this.channelOf(documentId), encoding.toUint8Array(encoder))
  }

  subscribe(documentId: string, listener: (changes: PublishedChanges) => void): Promise<() => Promise<void>> {
    return this.bus.subscribe(this.channelOf(documentId), (message) => {
      let changes: PublishedChanges | null
      try {
        changes = this.decode(message)
      } catch (error) {
        // Not from a node of ours; what it should have said is in the database, if anything.
        this.onUnreadable(error)
        return
      }
      if (changes) listener(changes)
    })
  }

  onMissed(listener: () => void): () => void {
    return this.bus.onReconnect(listener)
  }

  private channelOf(documentId: string): string {
    return `coffeehouse:${this.clusterId}:changes:${documentId}`
  }

  /** The changes in a message, or null for this node's own. */
  private decode(message: Uint8Array): PublishedChanges | null {
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarString(decoder) === this.node) return null
    const first = decoding.readVarUint(decoder)
    const count = decoding.readVarUint(decoder)
    const records: Uint8Array[] = []
    for (let index = 0; index < count; index++) records.push(decoding.readVarUint8Array(decoder))
    return { first, records }
  }
}
