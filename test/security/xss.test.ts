/**
 * The standing XSS suite: every payload in xss-payloads.ts goes in through each field a person
 * can fill (titles, display names, document text, link addresses, suggestions with their
 * reasons and replies, decision reasons, version names), and another person, or an anonymous
 * reader, opens each page that shows it in Chromium. The payload must be on screen as text,
 * and nothing may run. Then the exports and the Atom feed, as their readers read them.
 */
import type { JSONContent } from '@tiptap/core'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { as, signUp } from '../support/accounts'
import { browserAvailable, launchBrowser, signedInVisitor, visitorIn, type Visitor } from '../support/browser'
import { appendParagraph, connectClient } from '../support/clients'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { isAllowedHref } from '../../model/schema/link-href'
import { exportedHref } from '../../server/documents/safe-links'
import type { TestServer } from '../support/server'
import { linkAddresses, markdownLinks, readFeed } from './xss-exports'
import { comparable, injectedMarkup, waitForTexts } from './xss-page-checks'
import { ACCEPTED_LINK_PAYLOADS, NAME_PAYLOADS, PAYLOADS, REFUSED_LINK_PAYLOADS } from './xss-payloads'
import {
  createTitledDocuments,
  decideWithReasons,
  explainAndReply,
  inBatches,
  linkText,
  MANIFESTO_API,
  MANIFESTO_PAGE,
  manifestoFullOfPayloads,
  manifestoWithContributor,
  nameVersions,
  signUpNamed,
  startXssServer,
  suggestParagraphs,
  writeLinks,
  writeOneParagraphEach,
} from './xss-seed'
import { watchForXss, type XssWatch } from './xss-watch'

const texts = PAYLOADS.map((payload) => payload.text)

/** A browser profile watched for payloads: `signedIn` is the person whose cookie it carries, or nobody. */
async function watchedVisitor(browser: Browser, url: string, signedIn: { cookie: string } | null): Promise<Visitor & { watch: XssWatch }> {
  const visitor = signedIn ? await signedInVisitor(browser, url, signedIn) : await visitorIn(browser)
  return { ...visitor, watch: await watchForXss(visitor.context) }
}

async function expectNoMarkup(page: Page): Promise<void> {
  expect(await injectedMarkup(page)).toEqual([])
}

describe.runIf(browserAvailable)('XSS payloads on the pages people share', () => {
  it('shows every payload title on the document list to an anonymous reader as text, and runs none of them', async () => {
    const server = await startXssServer()
    const admin = await signUp(server, 'site-admin')
    await createTitledDocuments(server, admin, PAYLOADS)

    const { page, watch } = await watchedVisitor(await launchBrowser(), server.url, null)
    await page.goto(server.url)
    await waitForTexts(page, texts, '.document-card__title')
    await expectNoMarkup(page)
    watch.expectNothingFired()
  })

  it('shows each payload title in the editor’s header and the tab’s title to another signed-in person, and runs none of them', async () => {
    const server = await startXssServer()
    const admin = await signUp(server, 'site-admin')
    // One editor load per title: a sample of every family, the whole list being on the document list.
    const sample = PAYLOADS.filter((payload) => payload.id % 8 === 1)
    const ids = await createTitledDocuments(server, admin, sample)
    const reader = await signUp(server, 'reader')

    const { page, watch } = await watchedVisitor(await launchBrowser(), server.url, reader)
    for (const [index, id] of ids.entries()) {
      const title = sample[index]!.text
      await page.goto(`${server.url}/d/${id}`)
      await waitForTexts(page, [title], 'header')
      await expectNoMarkup(page)
      expect(comparable(await page.title())).toBe(comparable(`${title} — Coffeehouse`))
    }
    watch.expectNothingFired()
  })

  it('shows payload display names in the presence bar and on the Contributors and person pages as text, and runs none of them', async () => {
    const server = await startXssServer()
    const admin = await signUp(server, 'site-admin')
    // A sample from every family: each name is an account, and scrypt makes a sign-up slow on purpose.
    const sample = NAME_PAYLOADS.filter((payload) => payload.id % 5 === 2)
    const people = await signUpNamed(server, admin, sample)
    await writeOneParagraphEach(server, people, people.map((person) => `A paragraph by ${person.user.username}.`))
    const names = sample.map((payload) => payload.text)
    const reader = await signUp(server, 'reader')
    const { page, watch } = await watchedVisitor(await launchBrowser(), server.url, reader)

    // Everyone is still connected: five avatars, then "+N" naming the rest on hover.
    await page.goto(`${server.url}${MANIFESTO_PAGE}`)
    const more = page.locator('.presence__more')
    await more.waitFor()
    const shown = await page.getByTestId('presence-avatar').evaluateAll((avatars) => avatars.map((avatar) => avatar.getAttribute('data-name') ?? ''))
    expect(names).toEqual(expect.arrayContaining(shown.filter((name) => name !== 'reader')))
    await more.hover()
    const hidden = names.filter((name) => !shown.includes(name))
    await waitForTexts(page, hidden, '.tooltip')
    await expectNoMarkup(page)

    await page.goto(`${server.url}${MANIFESTO_PAGE}/contributors`)
    await waitForTexts(page, names, '[data-testid=contributors-table]')
    await expectNoMarkup(page)
    for (const person of people.slice(0, 5)) {
      await page.goto(`${server.url}${MANIFESTO_PAGE}/contributors/${person.user.username}`)
      await waitForTexts(page, [person.user.displayName], 'main')
      await expectNoMarkup(page)
    }
    watch.expectNothingFired()
  })

  it('shows payloads written into the document to an anonymous reader of the editor as text, and runs none of them', async () => {
    const server = await startXssServer()
    const admin = await signUp(server, 'site-admin')
    const [writer] = await signUpNamed(server, admin, PAYLOADS.slice(0, 1))
    const client = connectClient(server, MANIFESTO_ID, writer!)
    await client.synced()
    for (const text of texts) appendParagraph(client.doc, text)
    await client.allSaved()

    const { page, watch } = await watchedVisitor(await launchBrowser(), server.url, null)
    await page.goto(`${server.url}${MANIFESTO_PAGE}`)
    await waitForTexts(page, texts, '.ProseMirror')
    await expectNoMarkup(page)
    watch.expectNothingFired()
  })

  it('refuses every link to a javascript:, data:, vbscript: or relative address over the websocket, and stores none of them', async () => {
    const server = await startXssServer()
    const admin = await signUp(server, 'site-admin')
    const [writer] = await signUpNamed(server, admin, PAYLOADS.slice(0, 1))
    // One connection per payload: the server closes the connection that sent a refused update.
    const refusals = await inBatches(REFUSED_LINK_PAYLOADS, 8, async (payload) => {
      const client = connectClient(server, MANIFESTO_ID, writer!)
      await client.synced()
      const outcome = await writeLinks(client, [payload]).then(
        () => 'stored',
        (error: Error) => error.message,
      )
      client.destroy()
      return outcome
    })
    expect(refusals).toEqual(REFUSED_LINK_PAYLOADS.map(() => expect.stringMatching(/^the server closed the connection for good: 4400 .*link mark/)))
    const text = await (await fetch(`${server.url}${MANIFESTO_API}/export?format=text`)).text()
    expect(REFUSED_LINK_PAYLOADS.filter((payload) => text.includes(linkText(payload)))).toEqual([])
  })

  it('shows links whose web or email address tries to break out of the markup as links, in the text and the link preview, and runs none of them', async () => {
    const server = await startXssServer()
    const admin = await signUp(server, 'site-admin')
    const [writer, colleague] = await signUpNamed(server, admin, PAYLOADS.slice(0, 2))
    const client = connectClient(server, MANIFESTO_ID, writer!)
    await client.synced()
    await writeLinks(client, ACCEPTED_LINK_PAYLOADS)
    const browser = await launchBrowser()
    const labels = ACCEPTED_LINK_PAYLOADS.map(linkText)

    const reader = await watchedVisitor(browser, server.url, null)
    await reader.page.goto(`${server.url}${MANIFESTO_PAGE}`)
    await waitForTexts(reader.page, labels, '.ProseMirror')
    await expectNoMarkup(reader.page)

    const { page, watch } = await watchedVisitor(browser, server.url, colleague!)
    await page.goto(`${server.url}${MANIFESTO_PAGE}`)
    await waitForTexts(page, labels, '.ProseMirror')
    await expectNoMarkup(page)
    // The cursor in a link opens its preview, which links to the address it shows. The
    // cursor goes down the links by keyboard: each preview covers the line below it.
    await page.locator('.ProseMirror p', { hasText: new RegExp(`^${labels[0]}$`) }).click()
    for (const [index, payload] of ACCEPTED_LINK_PAYLOADS.entries()) {
      if (index > 0) await page.keyboard.press('ArrowDown')
      await page.waitForFunction((href) => document.querySelector<HTMLElement>('.link-preview__href')?.title === href, payload.text)
      await expectNoMarkup(page)
    }
    reader.watch.expectNothingFired()
    watch.expectNothingFired()
  })

  it('shows payload suggestions, their reasons and their replies in a maintainer’s review panel as text, and runs none of them', async () => {
    const server = await startXssServer()
    const { mara, carla, contributor } = await manifestoWithContributor(server)
    const ids = await suggestParagraphs(contributor, carla, texts)
    await explainAndReply(server, carla, ids, PAYLOADS)

    const { page, watch } = await watchedVisitor(await launchBrowser(), server.url, mara)
    await page.goto(`${server.url}${MANIFESTO_PAGE}`)
    await waitForTexts(page, texts, '.ProseMirror')
    await waitForTexts(page, texts, '.suggestion-thread__rationale')
    await waitForTexts(page, texts, '.suggestion-thread__replies')
    await expectNoMarkup(page)
    watch.expectNothingFired()
  })

  it('shows payload decision reasons and decided suggestions on the Decisions page to an anonymous reader as text, and runs none of them', async () => {
    const server = await startXssServer()
    const { mara, carla, contributor } = await manifestoWithContributor(server)
    const ids = await suggestParagraphs(contributor, carla, texts)
    await decideWithReasons(server, mara, ids, PAYLOADS)

    const { page, watch } = await watchedVisitor(await launchBrowser(), server.url, null)
    await page.goto(`${server.url}${MANIFESTO_PAGE}/decisions`)
    await waitForTexts(page, texts, '[data-testid=decision-reason]')
    await waitForTexts(page, texts, '[data-testid=decision] ins')
    await expectNoMarkup(page)
    watch.expectNothingFired()
  })

  it('shows payload version names and notes on the History page and a version’s page as text, and runs none of them', async () => {
    const server = await startXssServer()
    const { mara } = await manifestoWithContributor(server)
    await nameVersions(server, mara, PAYLOADS)

    const { page, watch } = await watchedVisitor(await launchBrowser(), server.url, null)
    await page.goto(`${server.url}${MANIFESTO_PAGE}/history`)
    await waitForTexts(page, texts, '[data-testid=version-name]')
    await waitForTexts(page, texts, '[data-testid=version-note]')
    await expectNoMarkup(page)
    const { versions } = (await (await as(server, null).get(`/api/documents/${MANIFESTO_ID}/versions`)).json()) as { versions: Array<{ id: string; name: string | null }> }
    const named = versions.filter((version) => version.name !== null).slice(0, 5)
    for (const version of named) {
      await page.goto(`${server.url}${MANIFESTO_PAGE}/v/${version.id}`)
      await waitForTexts(page, [version.name!], 'main')
      await expectNoMarkup(page)
    }
    watch.expectNothingFired()
  })
})

const exportOf = (server: TestServer, format: string) => fetch(`${server.url}${MANIFESTO_API}/export?format=${format}`)

describe('XSS payloads in the exports and the feed', () => {
  it('serves the HTML export as an attachment, with nosniff and a CSP that allows no inline script', async () => {
    const { server } = await manifestoFullOfPayloads()
    const response = await exportOf(server, 'html')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?guerilla-manifesto\.html"?$/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("script-src-attr 'none'")
    expect(policy).toContain("object-src 'none'")
  })

  it.runIf(browserAvailable)('shows every payload in the HTML export as text when it is opened without any CSP, and runs none of them', async () => {
    const { server, title, writers } = await manifestoFullOfPayloads()
    const html = await (await exportOf(server, 'html')).text()
    const { page, watch } = await watchedVisitor(await launchBrowser(), server.url, null)
    // As a downloaded file opened from disk: no server, so no CSP to fall back on.
    await page.setContent(html)
    await waitForTexts(page, [...texts, ...ACCEPTED_LINK_PAYLOADS.map(linkText), ...writers.map((writer) => writer.user.displayName)])
    expect(comparable(await page.title())).toBe(comparable(title))
    await expectNoMarkup(page)
    watch.expectNothingFired()
  })

  it('writes no link into the Markdown, HTML or JSON export that goes anywhere but http, https or mailto, and no raw HTML into the Markdown', async () => {
    const { server } = await manifestoFullOfPayloads()
    const markdown = await (await exportOf(server, 'markdown')).text()
    const json = (await (await exportOf(server, 'json')).json()) as JSONContent
    const html = await (await exportOf(server, 'html')).text()
    const kept = ACCEPTED_LINK_PAYLOADS.map((payload) => exportedHref(payload.text))
    // Regression: a javascript: link was exported as [link 57](javascript:__xss(57)), and an
    // address with ")" in it ended the Markdown link early, so the rest of it became a second link.
    expect(markdownLinks(markdown).filter((href) => !isAllowedHref(href))).toEqual([])
    expect(markdownLinks(markdown)).toEqual(expect.arrayContaining(kept))
    expect(linkAddresses(json).filter((href) => !isAllowedHref(href))).toEqual([])
    expect([...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]).filter((href) => !isAllowedHref(href))).toEqual([])
    // Text is escaped: every "<" is written as &lt; or \<.
    expect(markdown).not.toMatch(/(?<!\\)</)
  })

  it('serves the Markdown, JSON and text exports as attachments with their own types and nosniff', async () => {
    const { server } = await manifestoFullOfPayloads()
    const types = { markdown: 'text/markdown; charset=utf-8', json: 'application/json; charset=utf-8', text: 'text/plain; charset=utf-8' }
    for (const [format, type] of Object.entries(types)) {
      const response = await exportOf(server, format)
      expect(response.headers.get('content-type')).toBe(type)
      expect(response.headers.get('content-disposition')).toMatch(/^attachment;/)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect(await (await exportOf(server, 'text')).text()).toContain(texts[0])
  })

  it.runIf(browserAvailable)('keeps the Atom decisions feed well-formed, with every payload reason, suggestion and name as text, and runs none of it when opened', async () => {
    const server = await startXssServer()
    const { mara, carla, contributor } = await manifestoWithContributor(server)
    const [proposer, decider] = NAME_PAYLOADS.filter((payload) => payload.family === 'XML and Atom breakout')
    expect((await as(server, carla).patch('/api/me', { displayName: proposer!.text })).status).toBe(200)
    expect((await as(server, mara).patch('/api/me', { displayName: decider!.text })).status).toBe(200)
    const ids = await suggestParagraphs(contributor, carla, texts)
    await decideWithReasons(server, mara, ids, PAYLOADS)

    const feedUrl = `${server.url}${MANIFESTO_API}/decisions.atom`
    const response = await fetch(feedUrl)
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    const { page, watch } = await watchedVisitor(await launchBrowser(), server.url, null)
    const feed = await readFeed(page, await response.text())
    expect(feed.error).toBeNull()
    expect(feed.entries).toBe(ids.length)
    expect(feed.xhtmlElements).toBe(0)
    const contents = feed.contents.map(comparable)
    expect(texts.filter((text) => !contents.some((content) => content.includes(comparable(`Reason: ${text}`))))).toEqual([])
    expect(new Set(feed.authors.map(comparable))).toEqual(new Set([comparable(decider!.text)]))
    // Opened in the browser itself, as an XML document.
    await page.goto(feedUrl)
    await expectNoMarkup(page)
    watch.expectNothingFired()
  })
})
