import { describe, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUpMaintainer } from '../support/accounts'
import { appendParagraph, connectClient, textOf, type TestClient } from '../support/clients'
import { redisUrl, startCluster } from '../support/cluster'
import { until } from '../support/events'
import { clusterAvailable } from '../support/postgres'
import { startTcpProxy } from '../support/tcp-proxy'

function converged(clients: TestClient[], texts: string[]): Promise<void> {
  const docs = clients.map((client) => client.doc)
  return until(
    () => docs.every((doc) => textOf(doc) === textOf(docs[0]!)) && texts.every((text) => textOf(docs[0]!).includes(text)),
    docs,
    'update',
    'every client holds every text',
  )
}

describe.runIf(clusterAvailable)('Redis going away', () => {
  it('brings every server up to date once Redis is back, with what was typed on each while it was away', async () => {
    const redis = new URL(redisUrl)
    const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) })
    const { nodes } = await startCluster(2, { redisUrl: `redis://127.0.0.1:${proxy.port}` })
    const ada = await signUpMaintainer(nodes[0]!, 'ada')
    const bao = await signUpMaintainer(nodes[1]!, 'bao')
    const clients = [connectClient(nodes[0]!, MANIFESTO_ID, ada), connectClient(nodes[1]!, MANIFESTO_ID, bao)]
    await Promise.all(clients.map((client) => client.synced()))
    appendParagraph(clients[0]!.doc, 'Before the outage.')
    await converged(clients, ['Before the outage.'])

    proxy.cut()
    appendParagraph(clients[0]!.doc, 'Typed on the first server during the outage.')
    appendParagraph(clients[1]!.doc, 'Typed on the second server during the outage.')
    // Saving does not need Redis: each server stores what its people type.
    await Promise.all(clients.map((client) => client.allSaved()))

    proxy.restore()
    await converged(clients, ['Typed on the first server during the outage.', 'Typed on the second server during the outage.'])
  })
})
