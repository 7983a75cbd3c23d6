import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../model/protocol'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp } from '../support/accounts'
import { authorshipOf, textBy } from '../support/attribution'
import { appendParagraph, connectClient, textOf, type TestClient } from '../support/clients'
import { next, until } from '../support/events'
import { serverState } from '../support/server-document'
import { startServer } from '../support/server'

const closedWith = async (client: TestClient) => (await next<[{ code: number; reason: string }]>(client.provider, 'closed'))[0]

describe('binding client ids to people', () => {
  it('refuses an update written under another person’s client id with 4409 and leaves the document byte-identical', async () => {
    const server = await startServer()
    const ada = await signUp(server, 'ada', 'Ada')
    const mallory = await signUp(server, 'mallory', 'Mallory')
    const adaClient = connectClient(server, MANIFESTO_ID, ada)
    await adaClient.synced()
    appendParagraph(adaClient.doc, 'Ada’s own words.')
    await adaClient.allSaved()
    const before = await serverState(server, MANIFESTO_ID)

    const forger = connectClient(server, MANIFESTO_ID, mallory)
    await forger.synced()
    await until(() => textOf(forger.doc).includes('Ada’s own words.'), [forger.doc], 'update')
    const closed = closedWith(forger)
    // The forger writes under Ada's client id, continuing her clock, to pass off words as hers.
    const ownId = forger.doc.clientID
    forger.doc.clientID = adaClient.doc.clientID
    appendParagraph(forger.doc, 'Words Ada never wrote.')
    const closure = await closed
    // The provider keys its presence by the doc's first id; give it back so the client can be torn down.
    forger.doc.clientID = ownId

    expect(closure).toMatchObject({ code: CloseCode.clientIdTaken, reason: expect.stringMatching(/belongs to someone else/) })
    expect((await serverState(server, MANIFESTO_ID)).equals(before)).toBe(true)
    expect(textBy(await authorshipOf(server, MANIFESTO_ID), ada.user.id)).toBe('Ada’s own words.')
  })

  it('refuses writing under the client id of the starter text', async () => {
    const server = await startServer()
    const mallory = await signUp(server, 'mallory')
    const before = await serverState(server, MANIFESTO_ID)
    const forger = connectClient(server, MANIFESTO_ID, mallory)
    await forger.synced()
    const [starterClient] = Y.decodeStateVector(Y.encodeStateVector(forger.doc)).keys()
    const closed = closedWith(forger)
    const ownId = forger.doc.clientID
    forger.doc.clientID = starterClient!
    appendParagraph(forger.doc, 'Passed off as starter text.')
    const closure = await closed
    forger.doc.clientID = ownId
    expect(closure.code).toBe(CloseCode.clientIdTaken)
    expect((await serverState(server, MANIFESTO_ID)).equals(before)).toBe(true)
  })

  it('lets a person reconnect and go on writing under the client id they already use', async () => {
    const server = await startServer()
    const ada = await signUp(server, 'ada')
    const client = connectClient(server, MANIFESTO_ID, ada)
    await client.synced()
    appendParagraph(client.doc, 'Before a dropped connection.')
    await client.allSaved()
    client.provider.disconnect()
    appendParagraph(client.doc, 'Written offline, sent on reconnecting.')
    client.provider.connect()
    await client.synced()
    await client.allSaved()
    expect(textBy(await authorshipOf(server, MANIFESTO_ID), ada.user.id)).toBe(
      'Before a dropped connection.Written offline, sent on reconnecting.',
    )
  })
})
