/**
 * Client id claims (attribution/client-id-claims.ts) in Redis: one key per document and client
 * id, set only if absent, in the same command that reads who holds it.
 */
import type { ClientIdClaims } from '../attribution/client-id-claims'
import type { Cluster } from './cluster'

/**
 * 30 days. After that a node that still serves the document knows the id from its attribution,
 * and one that loads it again reads the binding back from the snapshot, so the key has done its
 * work: it only settles which of two nodes binds an id first.
 */
const CLAIM_SECONDS = 30 * 24 * 60 * 60

export class RedisClientIdClaims implements ClientIdClaims {
  constructor(private readonly cluster: Cluster) {}

  async claim(documentId: string, clientId: number, person: string): Promise<string> {
    const key = `coffeehouse:${this.cluster.id}:client:${documentId}:${clientId}`
    // SET … NX GET answers with the holder before the command, or null when this claim set it.
    const holder = (await this.cluster.bus.commands.call('SET', key, person, 'NX', 'GET', 'EX', String(CLAIM_SECONDS))) as string | null
    return holder ?? person
  }
}
