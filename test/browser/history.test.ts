import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { connectClient } from '../support/clients'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp } from '../support/accounts'
import { browserAvailable, launchBrowser, signedInVisitor, visitorIn } from '../support/browser'
import { deleteWords, joinAsEditor, nameVersion, VERSIONS_API, writeParagraph } from '../support/history-room'
import { setup, suggest, SUGGESTIONS_API } from '../support/review'
import { readConfig } from '../../server/config'
import { startServer, type StartOptions, type TestServer } from '../support/server'

const HISTORY_PAGE = `/d/${MANIFESTO_ID}/history`

interface Listed {
  versions: Array<{ id: string; number: number; name: string | null; kind: string }>
}

async function listVersions(server: TestServer): Promise<Listed['versions']> {
  return ((await (await as(server, null).get(VERSIONS_API)).json()) as Listed).versions
}

/** Carla writes a line and Mara names it Draft 1; then Dan adds a line and deletes a word of Carla's, and Mara names Draft 2. */
async function twoDrafts(options: StartOptions = {}) {
  const server = await startServer(options)
  const mara = await signUp(server, 'site-admin', 'Mara')
  const carla = await joinAsEditor(server, 'carla', 'Carla')
  const dan = await joinAsEditor(server, 'dan', 'Dan')
  await writeParagraph(carla, 'Carla wrote these opening words.')
  const draft1 = await nameVersion(server, mara, 'Draft 1', 'Sent to members')
  await writeParagraph(dan, 'Dan added this later.')
  await deleteWords(dan, ' opening')
  const draft2 = await nameVersion(server, mara, 'Draft 2')
  return { server, mara, carla, dan, draft1, draft2 }
}

/** Drags the timeline's thumb from where it is to the far left, as a person with a mouse would. */
async function dragTimelineToStart(page: Page): Promise<void> {
  const box = await page.getByTestId('timeline').boundingBox()
  if (!box) throw new Error('the timeline is not on screen')
  const y = box.y + box.height / 2
  await page.mouse.move(box.x + box.width - 4, y)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, y, { steps: 5 })
  await page.mouse.move(box.x, y, { steps: 5 })
  await page.mouse.up()
}

function shownText(page: Page): Promise<string> {
  return page.getByTestId('version-text').locator('.ProseMirror').innerText()
}

describe.runIf(browserAvailable)('version history in the browser', () => {
  it('lets an anonymous reader drag the timeline to an old version, then compare it with the current text and see who added and deleted what', async () => {
    const { server, draft1 } = await twoDrafts()
    const versions = await listVersions(server)
    const oldest = versions[0]!

    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${server.url}${HISTORY_PAGE}`)
    await page.getByTestId('timeline').waitFor()
    expect(await page.title()).toBe('History · The Guerilla Manifesto — Coffeehouse')
    expect(await page.getByLabel('Timeline of versions').getAttribute('type')).toBe('range')
    // The newest first: Draft 2, with its text.
    await page.locator(`[data-testid=shown-version][data-number="${versions.at(-1)!.number}"]`).waitFor()
    expect(await shownText(page)).toContain('Dan added this later.')
    // Both named versions are marked on the track and stand out in the list.
    expect(await page.getByTestId('timeline-mark').count()).toBe(2)
    const named = page.locator('[data-testid=version][data-kind=named]')
    expect(await named.getByTestId('version-name').allTextContents()).toEqual(['Draft 2', 'Draft 1'])
    expect(await named.last().getByTestId('version-note').textContent()).toBe('Sent to members')

    await dragTimelineToStart(page)
    await page.locator(`[data-testid=shown-version][data-number="${oldest.number}"]`).waitFor()
    expect(await page.getByTestId('chosen-number').textContent()).toBe(`Version ${oldest.number}`)
    expect(await page.getByTestId('timeline').inputValue()).toBe('0')
    expect(await shownText(page)).not.toContain('Dan added this later.')

    // Draft 1 is that old version, or comes after it: compare Draft 1 with the current text.
    await page.getByTestId('timeline-mark').first().click()
    await page.locator(`[data-testid=shown-version][data-number="${draft1.number}"]`).waitFor()
    expect(await shownText(page)).toContain('Carla wrote these opening words.')
    await page.getByTestId('chosen-compare').click()

    await page.getByTestId('compare-page').waitFor()
    expect(new URL(page.url()).search).toBe(`?from=${draft1.id}&to=current`)
    const added = page.locator('[data-change=added][data-by=dan]')
    expect(await added.allTextContents()).toContain('Dan added this later.')
    expect(await added.first().getAttribute('title')).toMatch(/^Added by Dan · /)
    const removed = page.locator('[data-change=removed][data-by=dan]')
    expect(await removed.allTextContents()).toEqual([' opening'])
    expect(await removed.first().getAttribute('title')).toMatch(/^Deleted by Dan · /)
    // Carla wrote nothing after Draft 1, and the words Dan deleted were hers: the deletion is his.
    expect(await page.locator('[data-change][data-by=carla]').count()).toBe(0)
    expect(await page.getByTestId('compare-text').innerText()).toContain('Carla wrote these opening words.')
    const dan = page.locator('[data-testid=compare-people] [data-testid=share][data-person=dan]')
    expect(await dan.innerText()).toMatch(/^Dan\s+\+21\s+\u22128$/)
  })

  it('lets a maintainer restore an old version from its page, which becomes the current text as a new version', async () => {
    const { server, mara, draft1 } = await twoDrafts()
    const { page } = await signedInVisitor(await launchBrowser(), server.url, mara)
    await page.goto(`${server.url}/d/${MANIFESTO_ID}/v/${draft1.id}`)
    await page.getByTestId('version-banner').waitFor()
    expect(await page.getByTestId('version-headline').textContent()).toMatch(new RegExp(`^Version ${draft1.number} · .+ · Carla$`))
    expect(await page.getByTestId('export-markdown').getAttribute('href')).toBe(`${VERSIONS_API}/${draft1.id}?format=markdown`)
    // A named version has its changelog: Carla's line.
    expect(await page.getByTestId('changelog').locator('[data-testid=share][data-person=carla]').count()).toBe(1)

    await page.getByTestId('restore').click()
    await page.getByTestId('confirm-restore').click()
    await page.getByText(/^Restored: the current text is now this version’s/).waitFor()

    const versions = await listVersions(server)
    const restore = versions.at(-1)!
    expect(restore.kind).toBe('restore')
    const current = await (await as(server, null).get(`/api/documents/${MANIFESTO_ID}/export?format=markdown`)).text()
    expect(current).toContain('Carla wrote these opening words.')
    expect(current).not.toContain('Dan added this later.')

    // The history keeps everything, the restore included, and says where it came from.
    await page.getByTestId('back-to-history').click()
    const newest = page.getByTestId('version').first()
    await newest.waitFor()
    expect(await newest.getAttribute('data-kind')).toBe('restore')
    expect(await newest.getByTestId('version-kind').textContent()).toBe(`Restored from #${draft1.number}`)
    expect(await page.getByTestId('version').count()).toBe(versions.length)
  })

  it('offers a signed-out reader no naming and no restoring', async () => {
    const { server, draft1 } = await twoDrafts()
    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${server.url}${HISTORY_PAGE}`)
    await page.getByTestId('version-list').waitFor()
    expect(await page.getByTestId('name-version-form').count()).toBe(0)
    expect(await page.getByTestId('rename-version').count()).toBe(0)
    expect(await page.getByTestId('restore').count()).toBe(0)
    expect(await page.getByTestId('last-visit').count()).toBe(0)
    await page.goto(`${server.url}/d/${MANIFESTO_ID}/v/${draft1.id}`)
    await page.getByTestId('version-banner').waitFor()
    expect(await page.getByTestId('restore').count()).toBe(0)
  })

  it('shows someone signed in the changes since their last visit, by whom', async () => {
    // Any time away ends a visit here, rather than the 30 minutes a server waits by default.
    const { server, carla, dan } = await twoDrafts({ versions: { ...readConfig({}).versions, visitGapMs: 0 } })
    // Carla had the document open, and closed it: the server notes what she had seen.
    carla.client.destroy()
    await expect.poll(async () => ((await (await as(server, carla.person).get(VERSIONS_API)).json()) as { lastVisit: unknown }).lastVisit).not.toBeNull()
    await writeParagraph(dan, 'Dan wrote this while Carla was away.')

    const { page } = await signedInVisitor(await launchBrowser(), server.url, carla.person)
    await page.goto(`${server.url}${HISTORY_PAGE}`)
    await page.getByTestId('changes-since-last-visit').click()
    await page.getByTestId('compare-page').waitFor()
    expect(await page.getByTestId('compare-heading').textContent()).toMatch(/^Your last visit \(.+\) → The current text$/)
    expect(await page.locator('[data-change=added][data-by=dan]').allTextContents()).toEqual(['Dan wrote this while Carla was away.'])
    expect(await page.locator('[data-change=removed]').count()).toBe(0)
  })

  it('shows a named version’s changelog with the suggestions accepted and rejected, and why', async () => {
    const context = await setup()
    const accepted = await suggest(context, (tr, find) => tr.insertText('quietly ', find('drafted by a handful')))
    const rejected = await suggest(context, (tr, find) => tr.insertText(' Truly.', find('too late to change.') + 19))
    for (const [id, verdict, reason] of [[accepted, 'accept', 'Sharper.'], [rejected, 'reject', 'Too emphatic.']] as const) {
      expect((await as(context.server, context.mara).post(`${SUGGESTIONS_API}/${id}/${verdict}`, { reason })).status).toBe(200)
    }
    const named = await nameVersion(context.server, context.mara, 'Draft 0.2')

    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${context.server.url}/d/${MANIFESTO_ID}/v/${named.id}`)
    const changelog = page.getByTestId('changelog')
    await changelog.waitFor()
    const decisions = changelog.getByTestId('changelog-decision')
    expect(await decisions.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.action))).toEqual(['accepted', 'rejected'])
    expect(await decisions.getByTestId('changelog-reason').allTextContents()).toEqual([': “Sharper.”', ': “Too emphatic.”'])
    expect(await decisions.first().innerText()).toMatch(/^Accepted quietly suggested by Carla, accepted by Mara/)
    expect(await changelog.locator('[data-testid=share][data-person=carla]').count()).toBe(1)
  })

  it('lets a maintainer name the current version and an older one, which then stand out in the list and on the timeline', async () => {
    const { server, mara } = await twoDrafts()
    const before = await listVersions(server)
    const { page } = await signedInVisitor(await launchBrowser(), server.url, mara)
    await page.goto(`${server.url}${HISTORY_PAGE}`)
    await page.getByLabel('Name', { exact: true }).fill('Draft 0.3 — sent to members')
    await page.getByLabel('Note (optional)').fill('For the meeting on Thursday.')
    await page.getByTestId('name-version').click()

    // Draft 2 keeps its name: the same text named again is a new version.
    const newest = page.getByTestId('version').first()
    await newest.getByText('Draft 0.3 — sent to members').waitFor()
    expect(await page.getByTestId('history-notice').textContent()).toMatch(/^Named: version \d+ is now a named version\.$/)
    expect(await newest.getByTestId('version-note').textContent()).toBe('For the meeting on Thursday.')
    const after = await listVersions(server)
    expect(after.length).toBe(before.length + 1)
    expect(after.at(-2)).toMatchObject({ id: before.at(-1)!.id, name: 'Draft 2' })
    expect(after.at(-1)).toMatchObject({ name: 'Draft 0.3 — sent to members', added: 0, removed: 0 })
    expect(await page.getByTestId('version').count()).toBe(after.length)
    expect(await page.getByTestId('timeline-mark').last().getAttribute('title')).toBe('Draft 0.3 — sent to members')

    // An older version is named from its entry in the list.
    const first = page.locator('[data-testid=version][data-number="1"]')
    await first.getByTestId('rename-version').click()
    await first.getByLabel('Name', { exact: true }).fill('The starting text')
    await first.getByRole('button', { name: 'Name it' }).click()
    await first.getByTestId('version-name').waitFor()
    expect(await first.getByTestId('version-name').textContent()).toBe('The starting text')
    expect(await page.getByTestId('timeline-mark').first().getAttribute('title')).toBe('The starting text')
    expect((await listVersions(server))[0]!.name).toBe('The starting text')
  })

  it('is reached from the document’s header and fits a phone without scrolling sideways', async () => {
    const { server, draft1 } = await twoDrafts()
    const { page } = await visitorIn(await launchBrowser(), { width: 390, height: 844 })
    await page.goto(`${server.url}/d/${MANIFESTO_ID}`)
    await page.getByTestId('history-link').click()
    await page.getByTestId('timeline').waitFor()
    expect(new URL(page.url()).pathname).toBe(HISTORY_PAGE)
    expect(await page.getByTestId('history-page-link').getAttribute('aria-current')).toBe('page')
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)
    expect(await sideways()).toBe(false)
    await page.goto(`${server.url}/d/${MANIFESTO_ID}/compare?from=${draft1.id}&to=current`)
    await page.getByTestId('compare-text').waitFor()
    expect(await sideways()).toBe(false)
  })

  it('shows a reader who has the History page open each new version as it is recorded', async () => {
    const { server, mara, dan } = await twoDrafts()
    const { page } = await visitorIn(await launchBrowser())
    await page.goto(`${server.url}${HISTORY_PAGE}`)
    await page.getByTestId('version-list').waitFor()
    const before = await page.getByTestId('version').count()

    await writeParagraph(dan, 'Dan wrote this while the reader watched.')
    const draft3 = await nameVersion(server, mara, 'Draft 3')
    const newest = page.locator(`[data-testid=version][data-number="${draft3.number}"]`)
    await newest.getByText('Draft 3').waitFor()
    expect(await page.getByTestId('version').count()).toBe(before + 1)
    // The timeline was at the newest version, so it moves on to the new one, and shows its text.
    await page.locator(`[data-testid=shown-version][data-number="${draft3.number}"]`).waitFor()
    expect(await shownText(page)).toContain('Dan wrote this while the reader watched.')
  })
})
