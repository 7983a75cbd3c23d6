import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { as, signUp, type SignedIn } from '../support/accounts'
import { authorshipOf, contributorsOf, textBy } from '../support/attribution'
import { appendParagraph, connectClient, type TestClient } from '../support/clients'
import { until } from '../support/events'
import { startServer, type TestServer } from '../support/server'

/** A fresh document written by Ada and Ben, both its maintainers, both connected and synced. */
async function twoWriters() {
  const server = await startServer()
  const ada = await signUp(server, 'ada', 'Ada')
  const ben = await signUp(server, 'ben', 'Ben')
  const created = await as(server, ada).post('/api/documents', { title: 'Two voices' })
  const { id } = (await created.json()) as { id: string }
  await as(server, ada).put(`/api/documents/${id}/members/${ben.user.id}`, { role: 'maintainer' })
  const adaClient = connectClient(server, id, ada)
  const benClient = connectClient(server, id, ben)
  await Promise.all([adaClient.synced(), benClient.synced()])
  return { server, id, ada, ben, adaClient, benClient }
}

/** Waits until `reader` holds `text` somewhere in the document. */
const sees = (reader: TestClient, text: string) =>
  until(() => reader.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString().includes(text), [reader.doc], 'update', `"${text}"`)

/** The text inside a paragraph; a new document's empty paragraph gets one. */
function firstText(doc: Y.Doc, paragraph: number): Y.XmlText {
  const element = doc.getXmlFragment(DOCUMENT_FRAGMENT).get(paragraph) as Y.XmlElement
  if (element.length === 0) element.insert(0, [new Y.XmlText()])
  return element.get(0) as Y.XmlText
}

function heading(text: string): Y.XmlElement {
  const element = new Y.XmlElement('heading')
  element.setAttribute('level', 2 as unknown as string)
  element.insert(0, [new Y.XmlText(text)])
  return element
}

async function settle(...clients: TestClient[]) {
  await Promise.all(clients.map((client) => client.allSaved()))
}

const idOf = (person: SignedIn) => person.user.id

describe('attribution of writing', () => {
  it('credits each person with exactly the characters they typed, in the authorship API and in the export', async () => {
    const { server, id, ada, ben, adaClient, benClient } = await twoWriters()
    adaClient.doc.transact(() => {
      const fragment = adaClient.doc.getXmlFragment(DOCUMENT_FRAGMENT)
      fragment.insert(0, [heading('Why')])
      firstText(adaClient.doc, 1).insert(0, 'Ada wrote this line.')
    })
    await adaClient.allSaved()
    await sees(benClient, 'Ada wrote this line.')
    firstText(benClient.doc, 1).insert(4, '(and Ben) ')
    await settle(adaClient, benClient)

    const authorship = await authorshipOf(server, id)
    expect(authorship.text).toBe('Why\nAda (and Ben) wrote this line.')
    expect(textBy(authorship, idOf(ada))).toBe('WhyAda wrote this line.')
    expect(textBy(authorship, idOf(ben))).toBe('(and Ben) ')
    expect(authorship.people[idOf(ben)]).toMatchObject({ username: 'ben', displayName: 'Ben' })
    expect(authorship.sections).toEqual([{ heading: 'Why', level: 2, from: 0, to: authorship.text.length }])

    const markdown = await (await fetch(`${server.url}/api/documents/${id}/export?format=markdown`)).text()
    expect(markdown).toContain('## Credits\n\n- **Why:** Ada (23 characters), Ben (10 characters)\n')
    const html = await (await fetch(`${server.url}/api/documents/${id}/export?format=html`)).text()
    expect(html).toContain('<dt>Why</dt><dd>Ada (23 characters), Ben (10 characters)</dd>')
  })

  it('dates each passage with the server’s clock, not the client’s', async () => {
    const { server, id, adaClient } = await twoWriters()
    const before = Date.now()
    appendParagraph(adaClient.doc, 'Dated by the server.')
    await adaClient.allSaved()
    const after = Date.now()
    const authorship = await authorshipOf(server, id)
    const times = authorship.ranges.filter((range) => range.author !== null).map((range) => Date.parse(range.time ?? ''))
    expect(times.length).toBeGreaterThan(0)
    for (const time of times) expect(time).toBeGreaterThanOrEqual(before - 1)
    for (const time of times) expect(time).toBeLessThanOrEqual(after + 1)
  })

  it('attributes a deletion to the person who deleted, not to the writer of the text', async () => {
    const { server, id, ada, ben, adaClient, benClient } = await twoWriters()
    firstText(adaClient.doc, 0).insert(0, 'Keep this. Drop this.')
    await adaClient.allSaved()
    await sees(benClient, 'Drop this.')
    firstText(benClient.doc, 0).delete(10, 11)
    await settle(adaClient, benClient)

    const contributors = await contributorsOf(server, id)
    const adaStats = contributors.find((entry) => entry.person?.id === idOf(ada))
    const benStats = contributors.find((entry) => entry.person?.id === idOf(ben))
    expect(adaStats).toMatchObject({ written: 21, surviving: 10, deleted: 0 })
    expect(benStats).toMatchObject({ written: 0, surviving: 0, deleted: 11 })
    expect(benStats?.lastContribution).not.toBeNull()
  })

  it('keeps the writer of text that someone else splits into a new paragraph', async () => {
    const { server, id, ada, ben, adaClient, benClient } = await twoWriters()
    firstText(adaClient.doc, 0).insert(0, 'First thought. Second thought.')
    await adaClient.allSaved()
    await sees(benClient, 'Second thought.')
    // What the editor's Yjs binding does on Enter: delete the tail, write it again in a new paragraph.
    benClient.doc.transact(() => {
      firstText(benClient.doc, 0).delete(14, 16)
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('Second thought.')])
      benClient.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(1, [paragraph])
    })
    await settle(adaClient, benClient)

    const authorship = await authorshipOf(server, id)
    expect(authorship.text).toBe('First thought.\nSecond thought.')
    expect(textBy(authorship, idOf(ada))).toBe('First thought.Second thought.')
    expect(textBy(authorship, idOf(ben))).toBe('')
    const benStats = (await contributorsOf(server, id)).find((entry) => entry.person?.id === idOf(ben))
    // Ben deleted one space; moving Ada's words is not deleting them.
    expect(benStats).toMatchObject({ written: 0, deleted: 1 })
  })

  it('keeps the writer of a paragraph that someone else turns into a heading', async () => {
    const { server, id, ada, adaClient, benClient } = await twoWriters()
    firstText(adaClient.doc, 0).insert(0, 'A title in waiting')
    await adaClient.allSaved()
    await sees(benClient, 'A title in waiting')
    benClient.doc.transact(() => {
      const fragment = benClient.doc.getXmlFragment(DOCUMENT_FRAGMENT)
      fragment.delete(0, 1)
      fragment.insert(0, [heading('A title in waiting')])
    })
    await settle(adaClient, benClient)
    const authorship = await authorshipOf(server, id)
    expect(authorship.sections[0]?.heading).toBe('A title in waiting')
    expect(textBy(authorship, idOf(ada))).toBe('A title in waiting')
  })

  it('names the starter text as nobody’s, and anonymous readers may read attribution', async () => {
    const server = await startServer()
    const authorship = await authorshipOf(server, 'guerilla-manifesto')
    expect(authorship.ranges.length).toBeGreaterThan(0)
    expect(authorship.ranges.every((range) => range.author === null)).toBe(true)
    expect(authorship.sections.map((section) => section.heading)).toContain('Preamble')
  })
})
