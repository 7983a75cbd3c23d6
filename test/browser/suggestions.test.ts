import { describe, expect, it } from 'vitest'
import { signUp, signUpMaintainer } from '../support/accounts'
import { browserAvailable, launchBrowser, signedInVisitor } from '../support/browser'
import { openTheManifesto, MANIFESTO_PAGE } from '../support/review-browsers'
import { startServer } from '../support/server'

const DOCUMENT = MANIFESTO_PAGE

describe.runIf(browserAvailable)('suggestions in the browser', () => {
  it('a contributor’s suggestion with a reason reaches a maintainer live, who accepts it', async () => {
    const { server, contributor, maintainer } = await openTheManifesto()

    // Carla types at the end of the preamble's first sentence; her editor makes it a suggestion.
    const text = contributor.page.locator('.ProseMirror')
    await text.getByText('Most policy is still made').click()
    await contributor.page.keyboard.press('End')
    await contributor.page.keyboard.type(' Nobody voted for those rooms.')
    const card = contributor.page.getByTestId('suggestion-card').filter({ hasText: 'Nobody voted for those rooms.' })
    await card.getByLabel('Why? (your reason, shown to everyone)').fill('Says plainly what is wrong.')
    await card.getByRole('button', { name: 'Save reason' }).click()

    // Mara sees it live, underlined in the text and in her panel with Carla's reason.
    await maintainer.page.locator('.ProseMirror ins.suggestion', { hasText: 'Nobody voted for those rooms.' }).waitFor()
    const seen = maintainer.page.getByTestId('suggestion-card').filter({ hasText: 'Nobody voted for those rooms.' })
    await seen.getByText('Says plainly what is wrong.').waitFor()
    await seen.getByRole('button', { name: 'Accept the suggestion by Carla' }).click()
    await seen.getByLabel('Reason (optional)').fill('Agreed at the members’ meeting.')
    await seen.getByRole('button', { name: 'Confirm accept' }).click()

    // Accepted: plain text for both of them, and no longer in either panel.
    await contributor.page.locator('.ProseMirror ins.suggestion').waitFor({ state: 'detached' })
    await maintainer.page.getByTestId('suggestion-card').waitFor({ state: 'detached' })
    expect(await contributor.page.locator('.ProseMirror').textContent()).toContain('Nobody voted for those rooms.')

    // Carla follows what became of it: her contributions page says accepted, by whom…
    await contributor.page.goto(`${server.url}${DOCUMENT}/contributors/carla`)
    const mine = contributor.page.getByTestId('suggestion').filter({ hasText: 'Nobody voted for those rooms.' })
    await mine.waitFor()
    expect(await mine.getByTestId('status-badge').textContent()).toBe('Accepted')
    expect(await mine.getByTestId('decided').textContent()).toMatch(/^Accepted by Mara/)
    // …and the public Decisions log lists it with the reason.
    await contributor.page.getByTestId('decisions-page-link').click()
    const logged = contributor.page.getByTestId('decision').filter({ hasText: 'Nobody voted for those rooms.' })
    await logged.waitFor()
    expect(await logged.textContent()).toContain('Agreed at the members’ meeting.')
  })

  it('undo takes back a contributor’s own suggestion and redo brings it back, without tripping the server', async () => {
    const server = await startServer()
    // The first account on a server is its admin, who edits directly; Carla must not be first.
    await signUpMaintainer(server, 'mara')
    const carla = await signUp(server, 'carla', 'Carla')
    const browser = await launchBrowser()
    const { page } = await signedInVisitor(browser, server.url, carla)
    await page.goto(`${server.url}${DOCUMENT}`)
    await page.locator('.ProseMirror').getByText('Most policy is still made').click()
    await page.keyboard.type('Undo me. ')
    const suggestion = page.locator('.ProseMirror ins.suggestion', { hasText: 'Undo me.' })
    await suggestion.waitFor()
    await page.keyboard.press('Control+z')
    await suggestion.waitFor({ state: 'detached' })
    await page.keyboard.press('Control+Shift+z')
    await suggestion.waitFor()
    await page.getByText('All changes saved').waitFor()
    expect(await page.getByTestId('resync-notice').count()).toBe(0)
  })

  it('shows every kind of suggestion made from the keyboard to a maintainer, live', async () => {
    const { contributor, maintainer } = await openTheManifesto()
    const { page } = contributor
    const text = page.locator('.ProseMirror')
    const press = async (key: string, times = 1) => {
      for (let index = 0; index < times; index++) await page.keyboard.press(key)
    }

    // Keyboard only, from the start of the document: a click can race the editor reading where it
    // landed on a loaded machine, and the review panel opening beside the text moves the page.
    // The keys wait for the synced text and for suggesting mode: before them, keys land nowhere.
    await text.getByText('Most policy is still made').waitFor()
    await page.locator('[data-testid="mode-switch"][data-mode="suggesting"]').waitFor()
    await text.focus()
    await press('Control+Home')
    await press('ArrowDown') // the italic line under the title
    await press('Shift+ArrowRight', 9)
    await press('Control+b')
    await text.locator('.suggestion--format').waitFor()
    await press('Home')
    await press('ArrowRight', 16)
    await press('Enter')
    // With words after the caret, the break is a character drawn as one (editor/suggesting/proposed-breaks.ts).
    await text.locator('.proposed-break').waitFor()
    if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT })
    await press('ArrowDown') // the Preamble heading
    await press('End')
    await page.keyboard.type(' today')
    await text.locator('ins.suggestion').first().waitFor()
    await press('Control+End')
    await press('Shift+ArrowLeft', 5)
    await press('Backspace')
    await text.locator('del.suggestion').first().waitFor()

    const seen = maintainer.page.locator('.ProseMirror')
    await seen.locator('ins.suggestion', { hasText: 'today' }).waitFor()
    // Where exactly the keyboard's selections start depends on layout; that each kind shows is what counts.
    await seen.locator('.suggestion--format').first().waitFor()
    await seen.locator('.proposed-break').first().waitFor()
    await seen.locator('del.suggestion').first().waitFor()
    await maintainer.page.getByTestId('suggestion-card').nth(3).waitFor()
    expect(await maintainer.page.getByTestId('suggestion-card').count()).toBe(4)
    expect(await page.getByTestId('resync-notice').count()).toBe(0)
  })
})
