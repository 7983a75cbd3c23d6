/**
 * Puts payloads into a real server through the ways people put text in: the HTTP API for
 * titles, names, reasons, replies and version names, and real websocket clients for the
 * document's text and its links.
 */
import * as Y from 'yjs'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp, signUpMaintainer, type SignedIn } from '../support/accounts'
import { appendParagraph, connectClient, suggestParagraph, type TestClient } from '../support/clients'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { defaultLimits, startServer, type TestServer } from '../support/server'
import { ACCEPTED_LINK_PAYLOADS, NAME_PAYLOADS, PAYLOADS, type XssPayload } from './xss-payloads'

export const MANIFESTO_PAGE = `/d/${MANIFESTO_ID}`
export const MANIFESTO_API = `/api/documents/${MANIFESTO_ID}`

/** A server that lets one test sign up and connect a hundred people: the suite is not testing the rate limits. */
export function startXssServer(): Promise<TestServer> {
  return startServer({ limits: { ...defaultLimits(), authAttemptsPer15Minutes: 10_000, connectionsPerMinute: 10_000 } })
}

async function expectStatus(response: Response, status: number, what: string): Promise<Response> {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${await response.text()}`)
  return response
}

/** Runs `work` over `items` a few at a time: the machine has two cores, and scrypt wants one of them. */
export async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))))
  return results
}

/** One new document per payload, titled with it, created by `creator`. */
export function createTitledDocuments(server: TestServer, creator: SignedIn, payloads: readonly XssPayload[]): Promise<string[]> {
  return inBatches(payloads, 8, async (payload) => {
    const response = await expectStatus(await as(server, creator).post('/api/documents', { title: payload.text }), 201, `creating "${payload.text}"`)
    return ((await response.json()) as { id: string }).id
  })
}

/** One person per payload, whose display name it is, each a maintainer of the manifesto (so they write directly). */
export function signUpNamed(server: TestServer, admin: SignedIn, payloads: readonly XssPayload[]): Promise<SignedIn[]> {
  return inBatches(payloads, 4, (payload) => signUpMaintainer(server, `named-${payload.id}`, { displayName: payload.text, admin }))
}

/** Each person connects to the manifesto and writes one paragraph; they stay connected, so they are present. */
export function writeOneParagraphEach(server: TestServer, people: readonly SignedIn[], texts: readonly string[]): Promise<TestClient[]> {
  return inBatches(people, 8, async (person) => {
    const client = connectClient(server, MANIFESTO_ID, person)
    await client.synced()
    appendParagraph(client.doc, texts[people.indexOf(person)]!)
    await client.allSaved()
    return client
  })
}

/** A paragraph per payload: "link <id>" linked to the payload as its address, as a client could send it. */
export async function writeLinks(client: TestClient, payloads: readonly XssPayload[]): Promise<void> {
  const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT)
  client.doc.transact(() => {
    for (const payload of payloads) {
      const paragraph = new Y.XmlElement('paragraph')
      const text = new Y.XmlText()
      text.insert(0, linkText(payload), { link: { href: payload.text } })
      paragraph.insert(0, [text])
      fragment.push([paragraph])
    }
  })
  await client.allSaved()
}

export const linkText = (payload: XssPayload) => `link ${payload.id}`

/** A maintainer and a contributor of the manifesto, the contributor connected. */
export async function manifestoWithContributor(server: TestServer) {
  const admin = await signUp(server, 'site-admin')
  const mara = await signUpMaintainer(server, 'mara', { displayName: 'Mara', admin })
  const carla = await signUp(server, 'carla', 'Carla')
  const contributor = connectClient(server, MANIFESTO_ID, carla)
  await contributor.synced()
  return { admin, mara, carla, contributor }
}

/** Carla suggests each text as a new paragraph; resolves with the suggestions' ids, once the server has them all. */
export async function suggestParagraphs(contributor: TestClient, carla: SignedIn, texts: readonly string[]): Promise<string[]> {
  const ids = texts.map((text) => {
    const id = crypto.randomUUID()
    suggestParagraph(contributor.doc, text, carla.user.id, id)
    return id
  })
  await contributor.allSaved()
  return ids
}

/** Gives each suggestion its author's reason and a reply, one payload for each. */
export function explainAndReply(server: TestServer, author: SignedIn, ids: readonly string[], payloads: readonly XssPayload[]): Promise<void[]> {
  return inBatches(ids, 4, async (id) => {
    const text = payloads[ids.indexOf(id)]!.text
    await expectStatus(await as(server, author).put(`${MANIFESTO_API}/suggestions/${id}/rationale`, { text }), 200, 'giving a reason')
    await expectStatus(await as(server, author).post(`${MANIFESTO_API}/suggestions/${id}/replies`, { text }), 201, 'replying')
  })
}

/** Accepts the odd ones and rejects the even ones, each with its payload as the reason. */
export async function decideWithReasons(server: TestServer, maintainer: SignedIn, ids: readonly string[], payloads: readonly XssPayload[]): Promise<void> {
  // One at a time: each decision edits the same document.
  for (const [index, id] of ids.entries()) {
    const verdict = index % 2 === 0 ? 'accept' : 'reject'
    await expectStatus(await as(server, maintainer).post(`${MANIFESTO_API}/suggestions/${id}/${verdict}`, { reason: payloads[index]!.text }), 200, verdict)
  }
}

/** Names a version of the manifesto after each payload, with the payload as its note too. */
export async function nameVersions(server: TestServer, maintainer: SignedIn, payloads: readonly XssPayload[]): Promise<void> {
  for (const payload of payloads) {
    await expectStatus(await as(server, maintainer).post(`${MANIFESTO_API}/versions`, { name: payload.text, note: payload.text }), 201, 'naming a version')
  }
}

/** The manifesto, titled with a payload, holding every payload as a paragraph and every link payload the server stores as a link, written by payload-named people. */
export async function manifestoFullOfPayloads() {
  const server = await startXssServer()
  const admin = await signUp(server, 'site-admin')
  const writers = await signUpNamed(server, admin, NAME_PAYLOADS.filter((payload) => payload.id % 20 === 3))
  const [first] = await writeOneParagraphEach(server, writers, PAYLOADS.map((payload) => payload.text).slice(0, writers.length))
  for (const payload of PAYLOADS.slice(writers.length)) appendParagraph(first!.doc, payload.text)
  await writeLinks(first!, ACCEPTED_LINK_PAYLOADS)
  const title = PAYLOADS.find((payload) => payload.text.startsWith('</title>'))!.text
  await expectStatus(await as(server, writers[0]!).patch(MANIFESTO_API, { title }), 200, 'retitling the manifesto')
  return { server, title, writers }
}
