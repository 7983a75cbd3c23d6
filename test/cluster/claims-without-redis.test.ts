import { describe, expect, it, onTestFinished } from 'vitest'
import { RedisBus } from '../../server/cluster/redis-bus'
import { ClaimTimeoutError, RedisClientIdClaims } from '../../server/cluster/redis-client-ids'
import { redisUrl } from '../support/cluster'
import { clusterAvailable } from '../support/postgres'
import { startTcpProxy } from '../support/tcp-proxy'

describe.runIf(clusterAvailable)('client id claims while Redis is down', () => {
  it('gives up on a claim after a second instead of keeping the writer waiting until Redis is back', async () => {
    const redis = new URL(redisUrl)
    const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) })
    const bus = await RedisBus.open(`redis://127.0.0.1:${proxy.port}`, () => undefined)
    onTestFinished(() => bus.close())
    const claims = new RedisClientIdClaims(bus, `claims-test-${process.pid}-${Date.now()}`)
    expect(await claims.claim('plan', 7, 'ada')).toBe('ada')
    // Nothing listens any more: ioredis queues the command and keeps reconnecting.
    await proxy.close()
    await expect(claims.claim('plan', 8, 'ada')).rejects.toThrow(ClaimTimeoutError)
  }, 10_000)
})
