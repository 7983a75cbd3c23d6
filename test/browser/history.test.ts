import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp } from '../support/accounts'
import { browserAvailable, launchBrowser, signedInVisitor, visitorIn } from '../support/browser'
import { deleteWords, joinAsEditor, nameVersion, VERSIONS_API, writeParagraph } from '../support/history-room'
import { startServer, type TestServer } from '../support/server'

const HISTORY_PAGE = `/d/${MANIFESTO_ID}/history`

interface Listed {
  versions: Array<{ id: string; number: number; name: string | null; kind: string }>
}

async function listVersions(server: TestServer): Promise<Listed['versions']> {
  return ((await (await as(server, null).get(VERSIONS_API)).json()) as Listed).versions
}

/** Carla writes a line and Mara names it Draft 1; then Dan adds a line and deletes a word of Carla's, and Mara names Draft 2. */
async function twoDrafts() {
  const server = await startServer()
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
    expect(await page.getByTestId('restore').count()).toBe(0)
    expect(await page.getByTestId('last-visit').count()).toBe(0)
    await page.goto(`${server.url}/d/${MANIFESTO_ID}/v/${draft1.id}`)
    await page.getByTestId('version-banner').waitFor()
    expect(await page.getByTestId('restore').count()).toBe(0)
  })
})
