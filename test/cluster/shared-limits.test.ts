import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { startCluster } from '../support/cluster'
import { clusterAvailable } from '../support/postgres'
import { defaultLimits } from '../support/server'

/** The HTTP status the server answers a websocket upgrade with: 101 when it accepts. */
function upgradeStatus(collabUrl: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${collabUrl}/${MANIFESTO_ID}`)
    socket.once('upgrade', (response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('error', () => undefined)
  })
}

describe.runIf(clusterAvailable)('rate limits across servers', () => {
  it('counts an address’s sign-in attempts on every server together', async () => {
    const { nodes } = await startCluster(2, { limits: { ...defaultLimits(), authAttemptsPer15Minutes: 3 } })
    const attempt = (index: number) =>
      fetch(`${nodes[index % 2]!.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody', password: 'not the password at all' }),
      }).then((response) => response.status)
    const statuses = [await attempt(0), await attempt(1), await attempt(2), await attempt(3)]
    expect(statuses).toEqual([401, 401, 401, 429])
  })

  it('counts an address’s new connections on every server together', async () => {
    const { nodes } = await startCluster(2, { limits: { ...defaultLimits(), connectionsPerMinute: 2 } })
    const statuses = [await upgradeStatus(nodes[0]!.collabUrl), await upgradeStatus(nodes[1]!.collabUrl), await upgradeStatus(nodes[0]!.collabUrl)]
    expect(statuses).toEqual([101, 101, 429])
  })
})
