import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as } from '../support/accounts'
import { browserAvailable, launchBrowser, signedInVisitor, visitorIn } from '../support/browser'
import { setup, suggest, SUGGESTIONS_API, type Setup } from '../support/review'
import { startServer, type TestServer } from '../support/server'
import type { SuggestEdit } from '../support/suggest-edit'

const DECISIONS_PAGE = `/d/${MANIFESTO_ID}/decisions`
const DECISIONS_API = `/api/documents/${MANIFESTO_ID}/decisions`
const addQuietly: SuggestEdit = (tr, find) => tr.insertText('quietly ', find('drafted by a handful'))
const addTruly: SuggestEdit = (tr, find) => tr.insertText(' Truly.', find('too late to change.') + 19)

function expectEditorBuilt(server: TestServer): void {
  expect(existsSync(path.join(server.config.editorDir, 'index.html')), 'the editor is built (npm run build)').toBe(true)
}

async function decide(context: Setup, id: string, verdict: 'accept' | 'reject', reason?: string): Promise<void> {
  const response = await as(context.server, context.mara).post(`${SUGGESTIONS_API}/${id}/${verdict}`, reason ? { reason } : {})
  expect(response.status).toBe(200)
}

async function decisionIds(server: TestServer): Promise<string[]> {
  const { decisions } = (await (await as(server, null).get(DECISIONS_API)).json()) as { decisions: Array<{ id: string }> }
  return decisions.map((decision) => decision.id)
}

interface Entry {
  id: string
  action: string
  badge: string
  inserted: string
  proposer: string
  reason: string
}

/** The log as a reader sees it, top to bottom. */
function readLog(page: Page): Promise<Entry[]> {
  return page.$$eval('[data-testid=decision]', (entries) =>
    entries.map((entry) => ({
      id: entry.id,
      action: (entry as HTMLElement).dataset.action ?? '',
      badge: entry.querySelector('[data-testid=status-badge]')?.textContent ?? '',
      // The hidden "Add: " is for screen readers; the reader sees the words.
      inserted: entry.querySelector('ins')?.childNodes[1]?.textContent ?? '',
      proposer: entry.querySelector('.decision__proposal .person-link')?.textContent ?? '',
      reason: entry.querySelector('[data-testid=decision-reason]')?.textContent ?? '',
    })),
  )
}

describe.runIf(browserAvailable)('the Decisions page in the browser', () => {
  it('shows an anonymous reader every decision newest first, with who, the words and the reason, and the feed', async () => {
    const context = await setup()
    expectEditorBuilt(context.server)
    const accepted = await suggest(context, addQuietly)
    const rejected = await suggest(context, addTruly)
    await decide(context, accepted, 'accept', 'Sharper.')
    await decide(context, rejected, 'reject', 'Too emphatic.')
    const [rejection, acceptance] = await decisionIds(context.server)

    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${context.server.url}${DECISIONS_PAGE}`)
    await page.getByTestId('decision').nth(1).waitFor()
    expect(await page.title()).toBe('Decisions · The Guerilla Manifesto — Coffeehouse')
    expect(await readLog(page)).toEqual([
      { id: `decision-${rejection}`, action: 'rejected', badge: 'Rejected', inserted: 'Truly.', proposer: 'Carla', reason: 'Reason: Too emphatic.' },
      { id: `decision-${acceptance}`, action: 'accepted', badge: 'Accepted', inserted: 'quietly', proposer: 'Carla', reason: 'Reason: Sharper.' },
    ])
    const first = page.getByTestId('decision').first()
    expect(await first.locator('.decision__verdict').textContent()).toMatch(/^Rejectedby Mara · just now$/)
    expect(await first.locator('time').first().getAttribute('title')).not.toBe('')
    // Nobody signed in: nothing to reopen.
    expect(await page.getByTestId('reopen').count()).toBe(0)

    const feed = `/api/documents/${MANIFESTO_ID}/decisions.atom`
    expect(await page.getByRole('link', { name: 'Follow (Atom feed)' }).getAttribute('href')).toBe(feed)
    expect(await page.locator('head link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).toBe(feed)
    const atom = await page.request.get(`${context.server.url}${feed}`)
    expect(atom.headers()['content-type']).toMatch(/^application\/atom\+xml/)
    expect(await atom.text()).toContain(`${DECISIONS_PAGE}#decision-${acceptance}`)

    // Following the feed's link to the older entry brings it into view and marks it.
    await page.setViewportSize({ width: 1280, height: 360 })
    await page.goto(`${context.server.url}${DECISIONS_PAGE}#decision-${acceptance}`)
    const linked = page.locator(`#decision-${acceptance}.decision--linked`)
    await linked.waitFor()
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)?.getBoundingClientRect()
      return box !== undefined && box.top >= 0 && box.top < window.innerHeight
    }, `decision-${acceptance}`)
    // Leaving the page takes its feed out of the head.
    await page.getByTestId('contributors-page-link').click()
    await page.getByTestId('contributors-table').waitFor()
    expect(await page.locator('head link[type="application/atom+xml"]').count()).toBe(0)
  })

  it('lets a maintainer reopen a rejected suggestion, which the log then shows as reopened with the reason', async () => {
    const context = await setup()
    expectEditorBuilt(context.server)
    const id = await suggest(context, addTruly)
    await decide(context, id, 'reject', 'Not now.')

    const { page } = await signedInVisitor(await launchBrowser(), context.server.url, context.mara)
    await page.goto(`${context.server.url}${DECISIONS_PAGE}`)
    const rejected = page.locator('[data-testid=decision][data-action=rejected]')
    await rejected.getByTestId('reopen').click()
    await rejected.getByLabel('Why reopen it?').fill('The members asked for it.')
    await rejected.getByRole('button', { name: 'Reopen the suggestion' }).click()

    const reopened = page.locator('[data-testid=decision][data-action=reopened]')
    await reopened.waitFor()
    expect(await reopened.getByTestId('status-badge').textContent()).toBe('Reopened')
    expect(await reopened.getByTestId('decision-reason').textContent()).toBe('Reason: The members asked for it.')
    expect(await page.getByTestId('decisions-notice').textContent()).toBe('Reopened: the suggestion is pending in the document again.')
    // The rejection is history now: its suggestion is pending, so there is nothing left to reopen.
    expect(await page.getByTestId('reopen').count()).toBe(0)
    const { suggestions } = (await (await as(context.server, null).get(SUGGESTIONS_API)).json()) as { suggestions: Array<{ status: string }> }
    expect(suggestions.map((suggestion) => suggestion.status)).toEqual(['pending'])
  })

  it('offers no Reopen to a contributor, and says No reason given where a maintainer gave none', async () => {
    const context = await setup()
    expectEditorBuilt(context.server)
    const id = await suggest(context, addTruly)
    await decide(context, id, 'accept')
    const second = await suggest(context, addQuietly)
    await decide(context, second, 'reject', 'Off topic.')

    const { page } = await signedInVisitor(await launchBrowser(), context.server.url, context.carla)
    await page.goto(`${context.server.url}${DECISIONS_PAGE}`)
    const accepted = page.locator('[data-testid=decision][data-action=accepted]')
    expect(await accepted.getByTestId('decision-reason').textContent()).toBe('No reason given')
    expect(await page.getByTestId('reopen').count()).toBe(0)
  })

  it('says there are no decisions yet, and is reached from the Contributors page', async () => {
    const server = await startServer()
    expectEditorBuilt(server)
    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${server.url}/d/${MANIFESTO_ID}/contributors`)
    await page.getByTestId('decisions-page-link').click()
    expect(await (await page.waitForSelector('[data-testid=no-decisions]')).textContent()).toBe(
      'No decisions yet. When a maintainer accepts or rejects a suggestion, it is listed here.',
    )
    expect(new URL(page.url()).pathname).toBe(DECISIONS_PAGE)
    expect(await page.getByTestId('decisions-page-link').getAttribute('aria-current')).toBe('page')
  })

  it('fits a phone: long suggestions wrap and the page does not scroll sideways', async () => {
    const context = await setup()
    expectEditorBuilt(context.server)
    const long = `${'Unbreakablewordswithoutanyspaces'.repeat(6)} and then some ordinary words after them.`
    const id = await suggest(context, (tr, find) => tr.insertText(` ${long}`, find('too late to change.') + 19))
    await decide(context, id, 'reject', `${'Becauseofareasonwithoutspaces'.repeat(5)}.`)
    const { page } = await visitorIn(await launchBrowser(), { width: 375, height: 740 })
    await page.goto(`${context.server.url}${DECISIONS_PAGE}`)
    await page.getByTestId('decision').waitFor()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    expect(await page.getByRole('link', { name: 'Follow (Atom feed)' }).isVisible()).toBe(true)
  })
})
