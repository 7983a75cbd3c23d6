/**
 * Rate limits counted where every node sees the same count: in Redis when several nodes serve
 * together, so that an address cannot multiply its allowance by the number of nodes; in memory
 * when one node serves alone. If Redis is away, each node counts on its own meanwhile: the limits
 * stay, a little looser, and nobody is locked out for it.
 */
import { RedisStore } from 'rate-limit-redis'
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { Store } from 'express-rate-limit'
import type { Cluster } from './cluster'

/** New websocket connections per address, per minute. */
export function connectionLimiter(cluster: Cluster | null, perMinute: number): RateLimiterAbstract {
  const inMemory = new RateLimiterMemory({ points: perMinute, duration: 60 })
  if (!cluster) return inMemory
  return new RateLimiterRedis({
    storeClient: cluster.bus.commands,
    keyPrefix: `coffeehouse:${cluster.id}:connections`,
    points: perMinute,
    duration: 60,
    insuranceLimiter: inMemory,
  })
}

/** Where express-rate-limit counts sign-in and sign-up attempts; its own memory when alone. */
export function attemptStore(cluster: Cluster | null): Store | undefined {
  if (!cluster) return undefined
  const redis = cluster.bus.commands
  return new RedisStore({
    sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as never,
    prefix: `coffeehouse:${cluster.id}:attempts:`,
  })
}
