import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { DELETION, INSERTION, SUGGESTION_ATTRIBUTE } from '../../model/schema/suggestion-model'
import { CloseCode } from '../../model/protocol'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp, signUpMaintainer } from '../support/accounts'
import { connectClient, suggestParagraph, textOf, type TestClient } from '../support/clients'
import { next, until } from '../support/events'
import { serverState } from '../support/server-document'
import { startServer } from '../support/server'

/** A server whose manifesto has a maintainer watching and a contributor (who may only suggest) connected. */
async function setup() {
  const server = await startServer()
  const maintainer = await signUpMaintainer(server, 'mara')
  const carla = await signUp(server, 'carla', 'Carla')
  const watcher = connectClient(server, MANIFESTO_ID, maintainer)
  const contributor = connectClient(server, MANIFESTO_ID, carla)
  await Promise.all([watcher.synced(), contributor.synced()])
  return { server, maintainer, carla, watcher, contributor }
}

const closedWith = async (client: TestClient) => (await next<[{ code: number; reason: string }]>(client.provider, 'closed'))[0]

/** The text of the first paragraph of the body (after the title). */
function firstBodyText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray().find((node) => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
  return (paragraph as Y.XmlElement).get(0) as Y.XmlText
}

/** Sends a change from the contributor and expects it refused with 4422, leaving the server's document byte-identical. */
async function expectRefused(server: Awaited<ReturnType<typeof setup>>['server'], contributor: TestClient, change: () => void) {
  await contributor.allSaved()
  const before = await serverState(server, MANIFESTO_ID)
  const closed = closedWith(contributor)
  change()
  const { code, reason } = await closed
  expect(code).toBe(CloseCode.suggestOnly)
  expect(reason).toMatch(/suggest/)
  expect((await serverState(server, MANIFESTO_ID)).equals(before)).toBe(true)
}

describe('suggestions enforced by the server', () => {
  it('passes a contributor’s suggestion on to everyone', async () => {
    const { carla, watcher, contributor } = await setup()
    suggestParagraph(contributor.doc, 'A suggested closing line.', carla.user.id)
    await contributor.allSaved()
    await until(() => textOf(watcher.doc).includes('A suggested closing line.'), [watcher.doc], 'update')
  })

  it('refuses a contributor’s direct edit of the accepted text with 4422 and leaves the document byte-identical', async () => {
    const { server, contributor } = await setup()
    await expectRefused(server, contributor, () => firstBodyText(contributor.doc).insert(0, 'Directly: '))
  })

  it('refuses a suggestion stamped with someone else’s name', async () => {
    const { server, maintainer, contributor } = await setup()
    await expectRefused(server, contributor, () => suggestParagraph(contributor.doc, 'Forged in Mara’s name.', maintainer.user.id))
  })

  it('refuses a contributor accepting their own suggestion by removing its mark', async () => {
    const { server, carla, contributor } = await setup()
    suggestParagraph(contributor.doc, 'Mine to propose, not to accept.', carla.user.id)
    await expectRefused(server, contributor, () => {
      const fragment = contributor.doc.getXmlFragment(DOCUMENT_FRAGMENT)
      const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement
      const text = paragraph.get(0) as Y.XmlText
      contributor.doc.transact(() => {
        paragraph.removeAttribute(SUGGESTION_ATTRIBUTE)
        text.format(0, text.length, { [INSERTION]: null })
      })
    })
  })

  it('refuses a contributor deleting someone else’s suggestion', async () => {
    const { server, maintainer, watcher, contributor } = await setup()
    suggestParagraph(watcher.doc, 'Mara suggests this.', maintainer.user.id)
    await watcher.allSaved()
    await until(() => textOf(contributor.doc).includes('Mara suggests this.'), [contributor.doc], 'update')
    await expectRefused(server, contributor, () => {
      const fragment = contributor.doc.getXmlFragment(DOCUMENT_FRAGMENT)
      fragment.delete(fragment.length - 1, 1)
    })
  })

  it('lets a contributor propose deleting accepted text, and withdraw their own suggestion', async () => {
    const { carla, watcher, contributor } = await setup()
    const stamp = { id: 'withdrawn-later', author: carla.user.id, createdAt: Date.now() }
    const text = firstBodyText(contributor.doc)
    text.format(0, 4, { [`${DELETION}--aaaaaaaa`]: stamp })
    suggestParagraph(contributor.doc, 'Second thoughts.', carla.user.id)
    await contributor.allSaved()
    const fragment = contributor.doc.getXmlFragment(DOCUMENT_FRAGMENT)
    contributor.doc.transact(() => {
      text.format(0, 4, { [`${DELETION}--aaaaaaaa`]: null })
      fragment.delete(fragment.length - 1, 1)
    })
    await contributor.allSaved()
    await until(() => !textOf(watcher.doc).includes('Second thoughts.'), [watcher.doc], 'update')
    expect(contributor.provider.wsconnected).toBe(true)
  })

  it('still checks a contributor who arrives after the last one left (the trial copy is made again)', async () => {
    const { server, carla, contributor } = await setup()
    suggestParagraph(contributor.doc, 'Before leaving.', carla.user.id)
    await contributor.allSaved()
    contributor.destroy()
    // Once only the watching maintainer is connected, the server has dropped the trial copy.
    while (server.app.collab.openConnections > 1) await new Promise((resolve) => setImmediate(resolve))
    const dan = await signUp(server, 'dan', 'Dan')
    const arriving = connectClient(server, MANIFESTO_ID, dan)
    await arriving.synced()
    suggestParagraph(arriving.doc, 'After arriving.', dan.user.id)
    await arriving.allSaved()
    await expectRefused(server, arriving, () => firstBodyText(arriving.doc).insert(0, 'Directly: '))
  })

  // Regression: the server read nothing inside a paragraph someone else proposed, so it could be edited from inside.
  it('refuses a contributor changing the text inside someone else’s proposed paragraph', async () => {
    const { server, maintainer, watcher, contributor } = await setup()
    suggestParagraph(watcher.doc, 'Mara proposes a whole paragraph.', maintainer.user.id)
    await watcher.allSaved()
    await until(() => textOf(contributor.doc).includes('Mara proposes'), [contributor.doc], 'update')
    await expectRefused(server, contributor, () => {
      const fragment = contributor.doc.getXmlFragment(DOCUMENT_FRAGMENT)
      const paragraph = fragment.get(fragment.length - 1) as Y.XmlElement
      ;(paragraph.get(0) as Y.XmlText).delete(0, 5)
    })
  })
})
