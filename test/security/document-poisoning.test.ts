import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../model/protocol'
import { withRoom } from '../../server/collab/with-room'
import { createDocumentModel, readContent } from '../../server/documents/content'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp, signUpMaintainer, type SignedIn } from '../support/accounts'
import { connectClient, suggestParagraph, type TestClient } from '../support/clients'
import { next } from '../support/events'
import { serverState } from '../support/server-document'
import { startServer, type TestServer } from '../support/server'
import { HOSTILE_CHANGES } from './hostile-content'

const EXPORT_FORMATS = ['text', 'html', 'markdown', 'json']

/** Who sends the hostile update: every role, from the site admin to someone not signed in. */
const ROLES: ReadonlyArray<{ role: string; person: (server: TestServer) => Promise<SignedIn | null> }> = [
  { role: 'the site admin', person: (server) => signUp(server, 'admin') },
  { role: 'a maintainer', person: (server) => signUpMaintainer(server, 'mara') },
  { role: 'a freshly signed-up contributor', person: async (server) => (await signUpMaintainer(server, 'mara'), signUp(server, 'carla')) },
  { role: 'a reader who is not signed in', person: async (server) => (await signUpMaintainer(server, 'mara'), null) },
]

const closedWith = async (client: TestClient) => (await next<[{ code: number; reason: string }]>(client.provider, 'closed'))[0]

async function expectReadable(server: TestServer, reader: SignedIn | null) {
  for (const format of EXPORT_FORMATS) {
    const response = await as(server, reader).get(`/api/documents/${MANIFESTO_ID}/export?format=${format}`)
    expect(response.status, `export as ${format}`).toBe(200)
    expect(await response.text()).toContain('Guerilla Manifesto')
  }
  expect((await as(server, reader).get(`/api/documents/${MANIFESTO_ID}/suggestions`)).status).toBe(200)
}

describe('content the schema does not allow', () => {
  for (const { role, person } of ROLES) {
    describe(`sent by ${role}`, () => {
      for (const change of HOSTILE_CHANGES) {
        it(`is refused with 4400 and leaves the manifesto unchanged and readable: ${change.name}`, async () => {
          const server = await startServer()
          const sender = await person(server)
          const client = connectClient(server, MANIFESTO_ID, sender ?? {})
          await client.synced()
          await client.allSaved()
          const before = await serverState(server, MANIFESTO_ID)
          const closed = closedWith(client)
          change.apply(client.doc)
          const { code, reason } = await closed
          expect(code).toBe(CloseCode.malformedMessage)
          expect(reason).toMatch(/schema does not allow/)
          expect((await serverState(server, MANIFESTO_ID)).equals(before)).toBe(true)
          await expectReadable(server, sender)
        })
      }
    })
  }
})

describe('a document that already holds content the schema does not allow', () => {
  /** Writes every hostile change into the stored manifesto, bypassing the check, as updates from before it did. */
  async function poison(server: TestServer, whilePoisoned: () => Promise<void> = async () => undefined) {
    await withRoom(server.app.collab, MANIFESTO_ID, async ({ doc }) => {
      for (const change of HOSTILE_CHANGES) {
        const attacker = new Y.Doc()
        Y.applyUpdate(attacker, Y.encodeStateAsUpdate(doc))
        const before = Y.encodeStateVector(attacker)
        change.apply(attacker)
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(attacker, before))
        attacker.destroy()
      }
      await whilePoisoned()
    })
  }

  it('still exports in every format and lists its suggestions', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    await poison(server)
    await expectReadable(server, mara)
  })

  it('loses what it cannot render when it loads, before any editor sees it, and keeps its text', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    await poison(server)
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    const fragment = client.doc.getXmlFragment('default')
    expect(fragment.toArray().every((node) => node instanceof Y.XmlElement)).toBe(true)
    expect(fragment.toString()).toContain('Guerilla Manifesto')
    expect(fragment.toString()).not.toMatch(/bogusNode|smuggled|loose/)
  })

  it('keeps its history, credits and decisions readable', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const maintainer = as(server, mara)
    const api = `/api/documents/${MANIFESTO_ID}`
    expect((await maintainer.post(`${api}/versions`, { name: 'Before the poison' })).status).toBe(201)
    // Named while the poisoned document is still loaded: this version holds the poison.
    await poison(server, async () => expect((await maintainer.post(`${api}/versions`, { name: 'With the poison' })).status).toBe(201))
    expect((await maintainer.post(`${api}/versions`, { name: 'After it was removed' })).status).toBe(201)
    const { versions } = (await (await maintainer.get(`${api}/versions`)).json()) as { versions: Array<{ id: string }> }
    const paths = [
      ...versions.flatMap(({ id }) => [`${api}/versions/${id}`, `${api}/versions/${id}?format=html`, `${api}/versions/${id}/changelog`]),
      `${api}/compare?from=${versions.at(-1)!.id}&to=${versions[0]!.id}`,
      ...['authorship', 'contributors', 'credits', 'attribution', 'decisions', 'decisions.atom'].map((path) => `${api}/${path}`),
    ]
    for (const path of paths) expect((await maintainer.get(path)).status, path).toBe(200)
  })

  it('can still have a suggestion accepted by a maintainer', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const carla = await signUp(server, 'carla')
    const contributor = connectClient(server, MANIFESTO_ID, carla)
    await contributor.synced()
    suggestParagraph(contributor.doc, 'A suggestion made before the poison.', carla.user.id, 'before-poison')
    await contributor.allSaved()
    contributor.destroy()
    await poison(server)
    const accepted = await as(server, mara).post(`/api/documents/${MANIFESTO_ID}/suggestions/before-poison/accept`, {})
    expect(accepted.status).toBe(200)
    const text = await (await as(server, mara).get(`/api/documents/${MANIFESTO_ID}/export?format=text`)).text()
    expect(text).toContain('A suggestion made before the poison.')
  })
})

describe('reading a document that holds content the schema does not allow', () => {
  it('skips that content, keeps the rest, and says why', async () => {
    const reported: string[] = []
    const model = createDocumentModel({ onUnrenderable: (reasons) => reported.push(...reasons) })
    const doc = new Y.Doc()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('What remains readable.')])
    doc.getXmlFragment('default').insert(0, [paragraph])
    for (const change of HOSTILE_CHANGES) change.apply(doc)
    const content = readContent(model, doc)
    expect(content.textContent).toContain('What remains readable.')
    expect(reported).toContain('there is no node type "bogusNode"')
    expect(reported).toContain('a plain value may not be placed in the document itself')
  })
})
