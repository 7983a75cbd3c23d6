import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp, signUpMaintainer } from '../support/accounts'
import { contributorsOf } from '../support/attribution'
import { browserAvailable, launchBrowser, visitorIn } from '../support/browser'
import { appendParagraph, connectClient, type TestClient } from '../support/clients'
import { until } from '../support/events'
import { startServer, type TestServer } from '../support/server'

const ADA_WRITES = 'Ada: every draft is read aloud before anyone votes on it.'
const BEN_WRITES = [
  'Ben: the minutes of every meeting are published the same evening, in full.',
  'Ben: anyone may ask why a proposal was declined, and gets an answer in writing.',
]
/** Ben deletes "Ada: " from the start of her paragraph. */
const BEN_DELETES = 'Ada: '.length

async function startWithEditor(): Promise<TestServer> {
  const server = await startServer()
  expect(existsSync(path.join(server.config.editorDir, 'index.html')), 'the editor is built (npm run build)').toBe(true)
  return server
}

/** The text inside the first paragraph of `doc` that contains `text`. */
function paragraphText(doc: Y.Doc, text: string): Y.XmlText {
  const paragraph = doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .find((node) => node instanceof Y.XmlElement && node.toString().includes(text))
  if (!(paragraph instanceof Y.XmlElement)) throw new Error(`no paragraph holds "${text}"`)
  return paragraph.get(0) as Y.XmlText
}

const sees = (client: TestClient, text: string) =>
  until(() => client.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString().includes(text), [client.doc], 'update', `"${text}"`)

/** Ada writes a paragraph; Ben writes two, longer together, and deletes a little of hers. Both with stock y-websocket clients. */
async function adaAndBenWrite(server: TestServer): Promise<void> {
  const ada = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'ada', { displayName: 'Ada' }))
  const ben = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'ben', { displayName: 'Ben' }))
  await Promise.all([ada.synced(), ben.synced()])
  appendParagraph(ada.doc, ADA_WRITES)
  await ada.allSaved()
  await sees(ben, ADA_WRITES)
  paragraphText(ben.doc, ADA_WRITES).delete(0, BEN_DELETES)
  for (const paragraph of BEN_WRITES) appendParagraph(ben.doc, paragraph)
  await ben.allSaved()
  await sees(ada, BEN_WRITES[1]!)
  await ada.allSaved()
}

interface Row {
  person: string
  name: string
  linked: boolean
  surviving: number
  written: number
  deleted: number
  dated: boolean
}

/** The table as a reader sees it, top to bottom; numbers read back from their formatted text. */
function readTable(page: Page): Promise<Row[]> {
  return page.$$eval('[data-testid=contributor-row]', (rows) =>
    rows.map((row) => {
      const cell = (column: string) => row.querySelector(`[data-column=${column}]`)
      const count = (column: string) => Number((cell(column)?.textContent ?? '').replace(/\D/g, ''))
      return {
        person: (row as HTMLElement).dataset.person ?? '',
        name: row.querySelector('.contributor-label__name')?.textContent ?? '',
        linked: row.querySelector('a[data-testid=contributor-link]') !== null,
        surviving: count('surviving'),
        written: count('written'),
        deleted: count('deleted'),
        dated: cell('lastContribution')?.querySelector('time[datetime]') !== null,
      }
    }),
  )
}

const firstRowIs = (page: Page, person: string) =>
  page.waitForFunction(
    (expected) => document.querySelector<HTMLElement>('[data-testid=contributor-row]')?.dataset.person === expected,
    person,
  )

describe.skipIf(!browserAvailable)('the contributors pages in the browser', () => {
  it('shows an anonymous reader who wrote the manifesto, sorts by any column, and opens one person’s passages', async () => {
    const server = await startWithEditor()
    await adaAndBenWrite(server)
    const starterText = (await contributorsOf(server, MANIFESTO_ID)).find((entry) => entry.person === null)
    expect(starterText).toBeDefined()
    const benWrote = BEN_WRITES.join('').length

    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${server.url}/d/${MANIFESTO_ID}/contributors`)
    await page.waitForSelector('[data-testid=contributors-table]')
    expect(await page.title()).toBe('Contributors · The Guerilla Manifesto — Coffeehouse')

    // Sorted by what is in the text now: the starter text, then Ben (who wrote more), then Ada.
    const adaSurvives = ADA_WRITES.slice(BEN_DELETES)
    expect(await readTable(page)).toEqual([
      { person: 'starter-text', name: 'Starter text', linked: false, dated: true,
        surviving: starterText?.surviving, written: starterText?.written, deleted: 0 },
      { person: 'ben', name: 'Ben', linked: true, dated: true,
        surviving: benWrote, written: benWrote, deleted: BEN_DELETES },
      { person: 'ada', name: 'Ada', linked: true, dated: true,
        surviving: adaSurvives.length, written: ADA_WRITES.length, deleted: 0 },
    ])
    expect(await page.getAttribute('th[aria-sort]', 'aria-sort')).toBe('descending')
    expect(await page.textContent('th[aria-sort]')).toBe('In the text now')

    await page.click('[data-testid=sort-deleted]')
    await firstRowIs(page, 'ben')
    expect(await page.textContent('th[aria-sort]')).toBe('Deleted')
    expect(await page.getAttribute('th[aria-sort]', 'aria-sort')).toBe('descending')
    await page.click('[data-testid=sort-deleted]')
    await page.waitForSelector('th[aria-sort=ascending]')
    expect((await readTable(page)).at(-1)?.person).toBe('ben')

    // The section the paragraphs were appended to credits all three, most characters first.
    const lastSection = page.locator('[data-testid=section-credit]').last()
    expect(await lastSection.locator('h3').textContent()).toBe('How to take part')
    const credited = await lastSection
      .locator('[data-person]')
      .evaluateAll((people) => people.map((entry) => (entry as HTMLElement).dataset.person))
    expect(credited).toEqual(['starter-text', 'ben', 'ada'])

    await page.click('[data-testid=contributor-row][data-person=ada] [data-testid=contributor-link]')
    await page.waitForSelector('[data-testid=contributions-page][data-person=ada]')
    expect(new URL(page.url()).pathname).toBe(`/d/${MANIFESTO_ID}/contributors/ada`)
    await page.waitForFunction(
      (text) => [...document.querySelectorAll('[data-testid=passage] blockquote')].some((quote) => quote.textContent === text),
      adaSurvives,
    )
    expect(await page.textContent('[data-testid=passage-group] h4')).toBe('How to take part')
    expect(await page.textContent('[data-testid=contributor-numbers] [data-column=surviving] dd')).toBe(String(adaSurvives.length))
    expect(await page.textContent('[data-testid=contributor-numbers] [data-column=written] dd')).toBe(String(ADA_WRITES.length))

    await page.click('[data-testid=back-to-contributors]')
    await page.waitForSelector('[data-testid=contributors-table]')
  })

  it('fits a phone: the table scrolls inside its frame and the page does not scroll sideways', async () => {
    const server = await startWithEditor()
    const { page } = await visitorIn(await launchBrowser(), { width: 375, height: 740 })
    await page.goto(`${server.url}/d/${MANIFESTO_ID}/contributors`)
    await page.waitForSelector('[data-testid=contributors-table]')
    const widths = await page.evaluate(() => {
      const frame = document.querySelector('.contributors-table__frame')
      return { page: document.documentElement.scrollWidth, frame: frame?.clientWidth ?? 0, table: frame?.scrollWidth ?? 0 }
    })
    expect(widths.page).toBeLessThanOrEqual(375)
    expect(widths.table).toBeGreaterThan(widths.frame)
  })

  it('asks an anonymous visitor to sign in on a members-only document, even at a username nobody has', async () => {
    const server = await startWithEditor()
    const ada = await signUp(server, 'ada', 'Ada')
    const { id } = (await (await as(server, ada).post('/api/documents', { title: 'Closed draft' })).json()) as { id: string }
    expect((await as(server, ada).patch(`/api/documents/${id}`, { visibility: 'members' })).ok).toBe(true)
    const { page } = await visitorIn(await launchBrowser())
    // The server looks the person up before it checks access; the page must still say "sign in", not "nobody".
    await page.goto(`${server.url}/d/${id}/contributors/nobody`)
    await page.waitForSelector('[data-testid=no-access][data-reason=sign-in-required]')
    await page.goto(`${server.url}/d/${id}/contributors`)
    await page.waitForSelector('[data-testid=no-access][data-reason=sign-in-required]')
  })

  it('tells a visitor that nobody has the username in the address', async () => {
    const server = await startWithEditor()
    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${server.url}/d/${MANIFESTO_ID}/contributors/nobody`)
    const heading = await page.waitForSelector('[data-testid=person-not-found] h1')
    expect(await heading.textContent()).toBe('No one has the username @nobody')
  })

  it('says plainly that someone has written nothing in the document', async () => {
    const server = await startWithEditor()
    await signUp(server, 'dora', 'Dora')
    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${server.url}/d/${MANIFESTO_ID}/contributors/dora`)
    expect(await (await page.waitForSelector('[data-testid=nothing-surviving]')).textContent()).toBe(
      'Dora hasn’t contributed to this document yet.',
    )
  })
})
