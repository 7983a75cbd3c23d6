import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUpMaintainer } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { startCluster } from '../support/cluster'
import { until } from '../support/events'
import { clusterAvailable } from '../support/postgres'

describe.runIf(clusterAvailable)('history across servers', () => {
  it('keeps one line of versions when two servers record one at the same moment, each readable', async () => {
    const { nodes } = await startCluster(2)
    const ada = await signUpMaintainer(nodes[0]!, 'ada')
    const bao = await signUpMaintainer(nodes[1]!, 'bao')
    const clients = [connectClient(nodes[0]!, MANIFESTO_ID, ada), connectClient(nodes[1]!, MANIFESTO_ID, bao)]
    await Promise.all(clients.map((client) => client.synced()))
    appendParagraph(clients[0]!.doc, 'Ada’s paragraph.')
    appendParagraph(clients[1]!.doc, 'Bao’s paragraph.')
    const docs = clients.map((client) => client.doc)
    await until(() => docs.every((doc) => textOf(doc).includes('Ada’s') && textOf(doc).includes('Bao’s')), docs, 'update', 'both paragraphs everywhere')

    const named = await Promise.all([
      as(nodes[0]!, ada).post(`/api/documents/${MANIFESTO_ID}/versions`, { name: 'Named on the first server' }),
      as(nodes[1]!, bao).post(`/api/documents/${MANIFESTO_ID}/versions`, { name: 'Named on the second server' }),
    ])
    expect(named.map((response) => response.status)).toEqual([201, 201])

    const { versions } = (await (await fetch(`${nodes[0]!.url}/api/documents/${MANIFESTO_ID}/versions`)).json()) as { versions: { id: string; number: number }[] }
    const numbers = versions.map((version) => version.number).sort((a, b) => a - b)
    expect(numbers).toEqual(numbers.map((_, index) => index + 1))
    for (const version of versions) {
      const read = await fetch(`${nodes[1]!.url}/api/documents/${MANIFESTO_ID}/versions/${version.id}`)
      expect(read.status, `version ${version.number}`).toBe(200)
    }
  })
})
