import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { listSuggestions } from '../../model/schema/suggestion-list'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as } from '../support/accounts'
import { browserAvailable, launchBrowser, signedInVisitor, visitorIn } from '../support/browser'
import { connectClient } from '../support/clients'
import { until } from '../support/events'
import { joinAsContributor, setup, suggest, SUGGESTIONS_API, type Setup } from '../support/review'
import { contentOf, editDirectly, type SuggestEdit } from '../support/suggest-edit'

const CARLAS_PAGE = `/d/${MANIFESTO_ID}/contributors/carla`
const addQuietly: SuggestEdit = (tr, find) => tr.insertText('quietly ', find('drafted by a handful'))
const addTruly: SuggestEdit = (tr, find) => tr.insertText(' Truly.', find('too late to change.') + 19)
const addOpenly: SuggestEdit = (tr, find) => tr.insertText('openly ', find('argued with'))

async function startWithEditor(): Promise<Setup> {
  const context = await setup()
  expect(existsSync(path.join(context.server.config.editorDir, 'index.html')), 'the editor is built (npm run build)').toBe(true)
  return context
}

async function decide(context: Setup, id: string, verdict: 'accept' | 'reject', reason?: string): Promise<void> {
  const response = await as(context.server, context.mara).post(`${SUGGESTIONS_API}/${id}/${verdict}`, reason ? { reason } : {})
  expect(response.status).toBe(200)
}

/** Mara, editing directly, deletes "ly" from the accepted "quietly ": 6 of its 8 characters remain. */
async function maraTrimsQuietly(context: Setup): Promise<void> {
  const maintainer = connectClient(context.server, MANIFESTO_ID, context.mara)
  await maintainer.synced()
  editDirectly(maintainer.doc, (tr, find) => tr.delete(find('quietly drafted') + 5, find('quietly drafted') + 7))
  await maintainer.allSaved()
}

/** Carla's three suggestions: one accepted and then edited by Mara, one rejected, one pending with her reason and a reply. */
async function carlaSuggestsThree(context: Setup): Promise<{ accepted: string; rejected: string; pending: string }> {
  const accepted = await suggest(context, addQuietly)
  const rejected = await suggest(context, addTruly)
  const pending = await suggest(context, addOpenly)
  await decide(context, accepted, 'accept')
  await decide(context, rejected, 'reject', 'Too emphatic.')
  await maraTrimsQuietly(context)
  await as(context.server, context.carla).put(`${SUGGESTIONS_API}/${pending}/rationale`, { text: 'Nobody should have to ask.' })
  await as(context.server, context.mara).post(`${SUGGESTIONS_API}/${pending}/replies`, { text: 'Let us talk on Monday.' })
  return { accepted, rejected, pending }
}

const card = (page: Page, id: string): Locator => page.locator(`[data-testid=suggestion][data-suggestion="${id}"]`)
const text = async (locator: Locator): Promise<string> => (await locator.textContent()) ?? ''

describe.runIf(browserAvailable)('a person’s suggestions on their contributions page', () => {
  it('shows an accepted suggestion with what survives of it, a rejected one with the reason, and a pending one', async () => {
    const context = await startWithEditor()
    const { accepted, rejected, pending } = await carlaSuggestsThree(context)
    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${context.server.url}${CARLAS_PAGE}`)
    await page.getByTestId('suggestion-history').waitFor()

    // Newest first.
    const order = await page.getByTestId('suggestion').evaluateAll((cards) => cards.map((entry) => (entry as HTMLElement).dataset.suggestion))
    expect(order).toEqual([pending, rejected, accepted])

    const acceptedCard = card(page, accepted)
    expect(await text(acceptedCard.getByTestId('status-badge'))).toBe('Accepted')
    expect(await text(acceptedCard.getByTestId('decided'))).toBe('Accepted by Mara · just now')
    expect(await text(acceptedCard.getByTestId('survival-count'))).toBe('6 of 8 characters still in the text')
    expect((await text(acceptedCard.getByTestId('survival-text'))).trim()).toBe('quiet')
    expect(await text(acceptedCard.getByTestId('edited-by'))).toBe('Accepted, then edited by Mara')
    expect(await acceptedCard.getByTestId('find-in-document').getAttribute('href')).toBe(`/d/${MANIFESTO_ID}?find=quiet%20`)

    const rejectedCard = card(page, rejected)
    expect(await text(rejectedCard.getByTestId('status-badge'))).toBe('Rejected')
    expect(await text(rejectedCard.getByTestId('decided'))).toBe('Rejected by Mara · just now')
    expect(await text(rejectedCard.getByTestId('decision-reason'))).toBe('Reason: Too emphatic.')

    const pendingCard = card(page, pending)
    expect(await text(pendingCard.getByTestId('status-badge'))).toBe('Pending')
    expect(await pendingCard.getByTestId('open-suggestion').getAttribute('href')).toBe(`/d/${MANIFESTO_ID}?suggestion=${pending}`)
    expect(await text(pendingCard.getByTestId('rationale'))).toBe('Why: Nobody should have to ask.')
    expect(await text(pendingCard.getByTestId('replies'))).toBe('1 reply')

    // Her numbers count them, as her row in the table does.
    const number = (column: string) => text(page.locator(`[data-testid=contributor-numbers] [data-column=${column}] dd`))
    expect([await number('suggested'), await number('accepted'), await number('rejected')]).toEqual(['3', '1', '1'])

    // One status at a time.
    await page.getByTestId('status-filter-rejected').click()
    await card(page, accepted).waitFor({ state: 'detached' })
    expect(await page.getByTestId('suggestion').evaluateAll((cards) => cards.map((entry) => (entry as HTMLElement).dataset.status))).toEqual(['rejected'])
    expect(await page.getByTestId('status-filter-rejected').getAttribute('aria-pressed')).toBe('true')
    await page.getByTestId('status-filter-all').click()
    await card(page, accepted).waitFor()
  })

  it('names whose suggestion was accepted over a superseded one', async () => {
    const context = await startWithEditor()
    const dan = await joinAsContributor(context.server, 'dan')
    const carlas = await suggest(context, (tr, find) => tr.insertText('fifty years', find('a century'), find('a century') + 9))
    await until(() => listSuggestions(contentOf(dan.client.doc)).length === 1, [dan.client.doc], 'update')
    const dans = await suggest(context, (tr, find) => tr.insertText('generations', find('a century'), find('a century') + 9), dan)
    await decide(context, carlas, 'accept')

    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${context.server.url}/d/${MANIFESTO_ID}/contributors/dan`)
    const superseded = card(page, dans)
    await superseded.waitFor()
    expect(await text(superseded.getByTestId('status-badge'))).toBe('Superseded')
    expect(await text(superseded.getByTestId('decided'))).toBe('Superseded by Carla’s suggestion, accepted by Mara · just now')
  })

  it('shows the Contributors page each person’s suggestions made, accepted and rejected, sortable', async () => {
    const context = await startWithEditor()
    await carlaSuggestsThree(context)
    // Dan only proposes to delete words: a suggestion, but no writing of his own.
    const dan = await joinAsContributor(context.server, 'dan')
    await suggest(context, (tr, find) => tr.delete(find('a century'), find('a century') + 9), dan)

    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${context.server.url}/d/${MANIFESTO_ID}/contributors`)
    await page.getByTestId('contributors-table').waitFor()
    const counts = (person: string) =>
      page.locator(`[data-testid=contributor-row][data-person=${person}]`).evaluate((row) =>
        ['suggested', 'accepted', 'rejected', 'surviving'].map((column) => row.querySelector(`[data-column=${column}]`)?.textContent),
      )
    expect(await counts('carla')).toEqual(['3', '1', '1', expect.any(String)])
    expect(await counts('dan')).toEqual(['1', '0', '0', '0'])
    expect(await counts('starter-text')).toEqual(['0', '0', '0', expect.any(String)])

    await page.getByTestId('sort-suggested').click()
    await page.waitForSelector('th[aria-sort=descending] [data-testid=sort-suggested]')
    const first = await page.locator('[data-testid=contributor-row]').first().getAttribute('data-person')
    expect(first).toBe('carla')
  })

  it('gives a signed-in person a way to their own contributions from the document’s pages', async () => {
    const context = await startWithEditor()
    await suggest(context, addQuietly)
    const { page } = await signedInVisitor(await launchBrowser(), context.server.url, context.carla)
    await page.goto(`${context.server.url}/d/${MANIFESTO_ID}/decisions`)
    // The header is drawn again once the page has its data; open the menu after that.
    await page.getByTestId('no-decisions').waitFor()
    await page.getByTestId('user-menu-button').click()
    await page.getByTestId('menu-my-contributions').click()
    await page.locator('[data-testid=contributions-page][data-person=carla]').waitFor()
    await page.getByTestId('contributors-page-link').click()
    await page.getByTestId('contributors-table').waitFor()
    await page.getByTestId('my-contributions-link').click()
    await page.locator('[data-testid=suggestion][data-status=pending]').waitFor()
    expect(await page.getByTestId('my-contributions-link').getAttribute('aria-current')).toBe('page')
  })

  it('says plainly that someone has made no suggestions', async () => {
    const context = await startWithEditor()
    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${context.server.url}${CARLAS_PAGE}`)
    expect(await text(await page.getByTestId('no-suggestions'))).toBe('Carla hasn’t made any suggestions in this document.')
  })
})
