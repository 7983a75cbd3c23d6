import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp, signUpMaintainer, type SignedIn } from '../support/accounts'
import { browserAvailable, launchBrowser, visitorIn } from '../support/browser'
import { appendParagraph, connectClient } from '../support/clients'
import { startServer, type TestServer } from '../support/server'

const ADA_TEXT = 'Ada argues that every library should stay open all night.'
const BEN_TEXT = 'Ben answers that the night shift needs paying properly first.'

/** Writes a paragraph into the manifesto with a stock y-websocket client, and waits until the server has stored it. */
async function writeAs(server: TestServer, person: SignedIn, text: string): Promise<void> {
  const client = connectClient(server, MANIFESTO_ID, person)
  await client.synced()
  appendParagraph(client.doc, text)
  await client.allSaved()
}

const tint = (page: Page, text: string) => page.locator('.ProseMirror .author-tint', { hasText: text })

/** The author colour a passage is drawn with, and whether its background is actually tinted. */
function tintOf(page: Page, text: string) {
  return tint(page, text).evaluate((element) => {
    const style = getComputedStyle(element)
    return { colour: style.getPropertyValue('--author-color').trim(), background: style.backgroundColor }
  })
}

async function openManifesto(server: TestServer, page: Page): Promise<void> {
  await page.goto(`${server.url}/d/${MANIFESTO_ID}`)
  await page.waitForSelector('.ProseMirror h1')
}

describe.skipIf(!browserAvailable)('showing authors in the browser', () => {
  it('shows a visitor without an account who wrote each passage, by colour, legend, hover and keyboard', async () => {
    const server = await startServer()
    expect(existsSync(path.join(server.config.editorDir, 'index.html')), 'the editor is built').toBe(true)
    const ada = await signUpMaintainer(server, 'ada', { displayName: 'Ada Lovelace' })
    const ben = await signUpMaintainer(server, 'ben', { displayName: 'Ben Okri' })
    await writeAs(server, ada, ADA_TEXT)
    await writeAs(server, ben, BEN_TEXT)

    const browser = await launchBrowser()
    const { page } = await visitorIn(browser)
    await openManifesto(server, page)
    expect(await page.getByRole('link', { name: 'Contributors' }).getAttribute('href')).toBe(`/d/${MANIFESTO_ID}/contributors`)
    const toggle = page.getByRole('button', { name: 'Show authors' })
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    expect(await page.locator('.author-tint').count()).toBe(0)
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')

    // The legend: a region named "Authors" listing both writers (and the starter text).
    const legend = page.getByRole('complementary', { name: 'Authors' })
    await legend.getByRole('listitem').filter({ hasText: 'Ada Lovelace' }).waitFor()
    await legend.getByRole('listitem').filter({ hasText: 'Ben Okri' }).waitFor()
    await legend.getByRole('listitem').filter({ hasText: 'Starter text' }).waitFor()

    // Each passage in its writer's colour.
    await tint(page, ADA_TEXT).waitFor()
    await tint(page, BEN_TEXT).waitFor()
    const adaTint = await tintOf(page, ADA_TEXT)
    const benTint = await tintOf(page, BEN_TEXT)
    expect(adaTint.colour).toBe(ada.user.color)
    expect(benTint.colour).toBe(ben.user.color)
    expect(adaTint.background).not.toBe('rgba(0, 0, 0, 0)')
    expect(adaTint.background).not.toBe(benTint.background)

    // The last section now credits both of them, Ben first: his sentence is the longer.
    expect(await page.locator('[data-testid=section-credits]').last().textContent()).toBe('Written by Ben Okri and Ada Lovelace, with starter text')

    // Hovering a passage names its writer.
    await tint(page, ADA_TEXT).hover()
    const tooltip = page.locator('[data-testid=author-tooltip]')
    await tooltip.filter({ hasText: /^Ada Lovelace · / }).waitFor()
    await page.mouse.move(0, 0)
    await tooltip.waitFor({ state: 'detached' })

    // A visitor can only read, so passages are tab stops: the first is reached from the header with Tab.
    await toggle.focus()
    await page.keyboard.press('Tab')
    for (let presses = 0; presses < 20 && !(await isPassageFocused(page)); presses++) await page.keyboard.press('Tab')
    expect(await isPassageFocused(page)).toBe(true)
    const focusedPassage = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.passage)
    await tooltip.filter({ hasText: focusedPassage! }).waitFor()

    // ...and each describes its writer to a screen reader, and shows the tooltip on focus.
    await tint(page, BEN_TEXT).focus()
    await tooltip.filter({ hasText: /^Ben Okri · / }).waitFor()
    expect(await tint(page, BEN_TEXT).getAttribute('aria-description')).toMatch(/^Written by Ben Okri, /)

    // The choice is remembered in this browser.
    await page.reload()
    await page.waitForSelector('.ProseMirror h1')
    expect(await page.getByRole('button', { name: 'Show authors' }).getAttribute('aria-pressed')).toBe('true')
    await tint(page, BEN_TEXT).waitFor()

    // Turned off, the tints, credits and legend go, and stay gone on the next visit.
    await page.getByRole('button', { name: 'Show authors' }).click()
    await page.waitForFunction(() => document.querySelectorAll('.author-tint, .section-credits, [data-testid=author-legend]').length === 0)
    await page.reload()
    await page.waitForSelector('.ProseMirror h1')
    expect(await page.getByRole('button', { name: 'Show authors' }).getAttribute('aria-pressed')).toBe('false')
    expect(await page.locator('.author-tint').count()).toBe(0)
  })

  it('tints a writer’s new words as theirs while they type, and says at the caret who wrote the text there', async () => {
    const server = await startServer()
    const ada = await signUpMaintainer(server, 'ada', { displayName: 'Ada Lovelace' })
    await writeAs(server, ada, ADA_TEXT)

    const browser = await launchBrowser()
    const { context, page } = await visitorIn(browser)
    const signup = await context.request.post(`${server.url}/api/auth/signup`, {
      data: { username: 'cytwombly', displayName: 'Cy Twombly', password: 'a long enough password' },
    })
    expect(signup.ok(), await signup.text()).toBe(true)
    const { user: cy } = (await signup.json()) as { user: SignedIn['user'] }
    await openManifesto(server, page)
    await page.getByRole('button', { name: 'Show authors' }).click()
    await tint(page, ADA_TEXT).waitFor()

    // The caret in Ada's paragraph.
    await tint(page, ADA_TEXT).click()
    const status = page.getByTestId('author-status')
    expect(await status.getAttribute('aria-live')).toBe('polite')
    await status.filter({ hasText: /^At the caret: Ada Lovelace · / }).waitFor()
    // Writers' passages are not tab stops: Tab would leave the text.
    expect(await tint(page, ADA_TEXT).getAttribute('tabindex')).toBeNull()

    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Cy adds a line of his own.')
    await tint(page, 'Cy adds a line of his own.').waitFor()
    expect((await tintOf(page, 'Cy adds a line of his own.')).colour).toBe(cy.color)
    await status.filter({ hasText: /^At the caret: Cy Twombly · / }).waitFor()
    await page.getByRole('complementary', { name: 'Authors' }).getByRole('listitem').filter({ hasText: 'Cy Twombly' }).waitFor()
  })
})

function isPassageFocused(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.classList.contains('author-tint') ?? false)
}
