/**
 * What a node has when it serves documents together with others (REDIS_URL): the bus to them,
 * the id of the database they share, and their shared presence. backend.ts makes it.
 */
import type { PresenceLink } from '../collab/shared-presence'
import type { RedisBus } from './redis-bus'

export interface Cluster {
  bus: RedisBus
  /** The shared database's cluster id (storage/postgres/database.ts): what the nodes keep in Redis is under it. */
  id: string
  presence: PresenceLink
}
