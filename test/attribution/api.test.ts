import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp } from '../support/accounts'
import { appendParagraph, connectClient } from '../support/clients'
import { startServer } from '../support/server'

const ENDPOINTS = ['authorship', 'contributors', 'contributors/ada', 'contributors/nobody-here', 'credits', 'attribution']

describe('the attribution API', () => {
  it('lists one person’s passages with the section each stands in', async () => {
    const server = await startServer()
    const ada = await signUp(server, 'ada', 'Ada')
    const client = connectClient(server, MANIFESTO_ID, ada)
    await client.synced()
    appendParagraph(client.doc, 'A closing thought from Ada.')
    await client.allSaved()

    const response = await fetch(`${server.url}/api/documents/${MANIFESTO_ID}/contributors/ada`)
    expect(response.status).toBe(200)
    const { contributor, passages } = (await response.json()) as {
      contributor: { person: { username: string }; surviving: number }
      passages: Array<{ text: string; section: string | null; time: string }>
    }
    expect(contributor).toMatchObject({ person: { username: 'ada' }, surviving: 'A closing thought from Ada.'.length })
    expect(passages).toHaveLength(1)
    expect(passages[0]).toMatchObject({ text: 'A closing thought from Ada.', section: expect.any(String) })
    expect(Number.isNaN(Date.parse(passages[0]!.time))).toBe(false)
  })

  it('answers 404 user_not_found for a username nobody has', async () => {
    const server = await startServer()
    const response = await fetch(`${server.url}/api/documents/${MANIFESTO_ID}/contributors/nobody-here`)
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: { id: 'user_not_found' } })
  })

  it('gives a members-only document’s attribution, or whether a username exists, to nobody who may not read it', async () => {
    const server = await startServer()
    const ada = await signUp(server, 'ada')
    const stranger = await signUp(server, 'stranger')
    const created = await as(server, ada).post('/api/documents', { title: 'Members only' })
    const { id } = (await created.json()) as { id: string }
    await as(server, ada).patch(`/api/documents/${id}`, { visibility: 'members' })
    for (const endpoint of ENDPOINTS) {
      expect((await fetch(`${server.url}/api/documents/${id}/${endpoint}`)).status, endpoint).toBe(401)
      expect((await as(server, stranger).get(`/api/documents/${id}/${endpoint}`)).status, endpoint).toBe(403)
      expect((await as(server, ada).get(`/api/documents/${id}/${endpoint}`)).status, endpoint).toBe(endpoint.endsWith('nobody-here') ? 404 : 200)
    }
  })
})
