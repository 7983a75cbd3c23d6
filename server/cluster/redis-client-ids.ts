/**
 * Client id claims (attribution/client-id-claims.ts) in Redis: one key per document and client
 * id, set only if absent, in the same command that reads who holds it.
 */
import type { ClientIdClaims } from '../attribution/client-id-claims'
import type { RedisBus } from './redis-bus'

/**
 * 30 days. After that a node that still serves the document knows the id from its attribution,
 * and one that loads it again reads the binding back from the snapshot, so the key has done its
 * work: it only settles which of two nodes binds an id first.
 */
const CLAIM_SECONDS = 30 * 24 * 60 * 60

/**
 * 1 s. The writer's frames wait for the claim, and a connection may hold only so many waiting
 * frames; with Redis away, ioredis would retry for many seconds. Past this the claim fails, and
 * the id is bound on this node alone (attribution-extension.ts), as it was before several nodes.
 */
const CLAIM_TIMEOUT_MS = 1_000

export class ClaimTimeoutError extends Error {
  override name = 'ClaimTimeoutError'
}

export class RedisClientIdClaims implements ClientIdClaims {
  constructor(
    private readonly bus: RedisBus,
    /** The database's cluster id: claims of another deployment sharing the Redis are kept apart. */
    private readonly clusterId: string,
  ) {}

  async claim(documentId: string, clientId: number, person: string): Promise<string> {
    const key = `coffeehouse:${this.clusterId}:client:${documentId}:${clientId}`
    // SET … NX GET answers with the holder before the command, or null when this claim set it.
    const claimed = this.bus.commands.call('SET', key, person, 'NX', 'GET', 'EX', String(CLAIM_SECONDS)) as Promise<string | null>
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new ClaimTimeoutError(`Redis did not answer a client id claim within ${CLAIM_TIMEOUT_MS} ms`)), CLAIM_TIMEOUT_MS)
    })
    try {
      return (await Promise.race([claimed, late])) ?? person
    } finally {
      clearTimeout(timer)
      claimed.catch(() => undefined)
    }
  }
}
