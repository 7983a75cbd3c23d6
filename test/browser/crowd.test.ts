import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { as, signUp, type SignedIn } from '../support/accounts'
import { browserAvailable, launchBrowser, signedInVisitor } from '../support/browser'
import { connectClient, type TestClient } from '../support/clients'
import { until } from '../support/events'
import { defaultLimits, startServer, type TestServer } from '../support/server'

/** More than the bar shows (5) plus the most its "+N" names (20), so the label must count the rest. */
const OTHERS = 30
const SENTENCE = 'Still typing in a crowd.'

/**
 * Someone among 30 others who maintain the same document, each a stock provider signed in as a
 * different account, with a paragraph of their own and a caret at its end. Every time this
 * person's text reaches one of them, that one types a character too: the crowd types exactly
 * while the page does, driven by the page's own keystrokes rather than a clock.
 */
async function crowdedDocument(): Promise<{ page: Page; others: TestClient[]; lines: Y.XmlText[] }> {
  // Thirty-one sign-ups and connections from one address: more than a real one is allowed.
  const server = await startServer({ limits: { ...defaultLimits(), authAttemptsPer15Minutes: 1_000, connectionsPerMinute: 1_000 } })
  expect(existsSync(path.join(server.config.editorDir, 'index.html')), 'the editor is built (npm run build)').toBe(true)
  const owner = await signUp(server, 'host', 'Host')
  const { id } = (await (await as(server, owner).post('/api/documents', { title: 'Crowded draft' })).json()) as { id: string }
  const people: SignedIn[] = []
  for (let index = 0; index < OTHERS; index++) people.push(await maintainer(server, owner, id, index))
  const others = people.map((person) => connectClient(server, id, { cookie: person.cookie }))
  await Promise.all(others.map((client) => client.synced()))
  const lines = others.map(typeAlong)
  const { page } = await signedInVisitor(await launchBrowser(), server.url, owner)
  await page.goto(`${server.url}/d/${id}`)
  await page.waitForFunction((count) => document.querySelectorAll('.ProseMirror p').length > count, OTHERS)
  return { page, others, lines }
}

async function maintainer(server: TestServer, owner: SignedIn, documentId: string, index: number): Promise<SignedIn> {
  const person = await signUp(server, `crowd${index}`, `Crowd member ${String(index).padStart(2, '0')}`)
  const made = await as(server, owner).put(`/api/documents/${documentId}/members/${person.user.id}`, { role: 'maintainer' })
  expect(made.ok).toBe(true)
  return person
}

/**
 * Gives the client a paragraph and a caret, then types one character each time the first paragraph
 * grows; returns the paragraph's text. (The crowd's paragraphs are pushed concurrently, so their
 * order in the document is Yjs's, not the clients'.)
 */
function typeAlong(client: TestClient): Y.XmlText {
  const fragment = client.doc.getXmlFragment(DOCUMENT_FRAGMENT)
  const paragraph = new Y.XmlElement('paragraph')
  const line = new Y.XmlText()
  paragraph.insert(0, [line])
  fragment.push([paragraph])
  const firstLength = () => ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText | undefined)?.length ?? 0
  let seen = firstLength()
  const moveCaret = () => {
    const caret = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(line, line.length))
    client.provider.awareness.setLocalStateField('cursor', { anchor: caret, head: caret })
  }
  moveCaret()
  client.doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== client.provider || firstLength() <= seen) return
    seen = firstLength()
    line.insert(line.length, 'x')
    moveCaret()
  })
  return line
}

/**
 * Resolves once the page's paragraphs from `from` on read `texts` in some order, not counting the
 * caret labels in them. No timeout of its own: the test's bounds how long a loaded machine may take.
 */
function paragraphsRead(page: Page, from: number, texts: readonly string[]): Promise<unknown> {
  return page.waitForFunction(
    ([from, expected]) => {
      const paragraphs = [...document.querySelectorAll('.ProseMirror p')].slice(from as number)
      const shown = paragraphs.map((paragraph) => {
        const copy = paragraph.cloneNode(true) as HTMLElement
        for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
        return copy.textContent ?? ''
      })
      return JSON.stringify(shown.sort()) === JSON.stringify([...(expected as string[])].sort())
    },
    [from, texts] as const,
    { timeout: 0 },
  )
}

describe.skipIf(!browserAvailable)('the editor in a crowd', () => {
  it('shows five avatars and a "+N" that names the first twenty of the rest and counts the others', async () => {
    const { page } = await crowdedDocument()
    const more = page.locator('.presence__more')
    await page.waitForFunction((text) => document.querySelector('.presence__more')?.textContent === text, `+${OTHERS + 1 - 5}`)
    expect(await page.getByTestId('presence-avatar').count()).toBe(5)
    const label = (await more.getAttribute('aria-label')) ?? ''
    expect(label).toMatch(new RegExp(`^and ${OTHERS + 1 - 5} more: (Crowd member \\d\\d, ){19}Crowd member \\d\\d and ${OTHERS + 1 - 5 - 20} others$`))
  })

  it('lands every key the page types while thirty others type with carets, and shows all of their text', async () => {
    const { page, others, lines } = await crowdedDocument()
    await page.locator('.collaboration-carets__caret').nth(OTHERS - 1).waitFor()
    await page.click('.ProseMirror p')
    await page.keyboard.press('End')
    await page.keyboard.type(SENTENCE)

    await until(() => others.every((client) => client.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0).toString().includes(SENTENCE)), others.map((client) => client.doc), 'update')
    // Each of the crowd typed along (its last character when it saw the whole sentence), and the page shows it all.
    const written = lines.map((line) => line.toString())
    expect(written.every((text) => text.length > 0)).toBe(true)
    await paragraphsRead(page, 0, [SENTENCE, ...written])
  })
})
