import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp } from '../support/accounts'
import { appendParagraph, connectClient, suggestParagraph, textOf, type TestClient } from '../support/clients'
import { startCluster } from '../support/cluster'
import { until } from '../support/events'
import { clusterAvailable, poolIn } from '../support/postgres'

/** Resolves once every client holds the same text, and it has every one of `texts`. */
function converged(clients: TestClient[], texts: string[]): Promise<void> {
  const docs = clients.map((client) => client.doc)
  return until(
    () => {
      const seen = docs.map(textOf)
      return seen.every((text) => text === seen[0]) && texts.every((text) => seen[0]!.includes(text))
    },
    docs,
    'update',
    'every client holds every text',
  )
}

describe.runIf(clusterAvailable)('several servers on one database and one Redis', () => {
  it('shows everyone what each person writes, whichever server each is connected to', async () => {
    const { nodes } = await startCluster(3)
    const [a, b, c] = nodes as [NonNullable<(typeof nodes)[0]>, NonNullable<(typeof nodes)[0]>, NonNullable<(typeof nodes)[0]>]
    const admin = await signUp(a, 'admin')
    const bea = await signUp(b, 'bea')
    const cai = await signUp(c, 'cai')
    const clients = [connectClient(a, MANIFESTO_ID, admin), connectClient(b, MANIFESTO_ID, bea), connectClient(c, MANIFESTO_ID, cai)]
    await Promise.all(clients.map((client) => client.synced()))

    appendParagraph(clients[0]!.doc, 'Written through the first server.')
    suggestParagraph(clients[1]!.doc, 'Suggested through the second server.', bea.user.id)
    suggestParagraph(clients[2]!.doc, 'Suggested through the third server.', cai.user.id)
    await Promise.all(clients.map((client) => client.allSaved()))
    await converged(clients, ['Written through the first server.', 'Suggested through the second server.', 'Suggested through the third server.'])
  })

  it('stores each change once, by the server that received it', async () => {
    const { nodes, schema } = await startCluster(2)
    const admin = await signUp(nodes[0]!, 'admin')
    const writer = connectClient(nodes[0]!, MANIFESTO_ID, admin)
    const reader = connectClient(nodes[1]!, MANIFESTO_ID)
    await Promise.all([writer.synced(), reader.synced()])
    appendParagraph(writer.doc, 'Stored exactly once.')
    await writer.allSaved()
    await converged([writer, reader], ['Stored exactly once.'])
    const { rows } = await poolIn(schema).query<{ count: string }>(
      "SELECT count(*) FROM document_changes WHERE document_id = $1 AND position(convert_to('Stored exactly once.', 'UTF8') IN record) > 0",
      [MANIFESTO_ID],
    )
    expect(Number(rows[0]?.count)).toBe(1)
  })
})
