import { describe, expect, it } from 'vitest'
import { browserAvailable } from '../support/browser'
import { openTheManifesto } from '../support/review-browsers'

describe.runIf(browserAvailable)('a change of block type in the browser', () => {
  it('a contributor’s H2 on a paragraph reaches a maintainer as a suggestion, and rejecting it makes it a paragraph again', async () => {
    const { contributor, maintainer } = await openTheManifesto()
    const { page } = contributor
    const text = page.locator('.ProseMirror')

    // Keyboard to the italic line under the title (a click can race the editor on a loaded machine), then the toolbar's H2.
    await text.focus()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('ArrowDown')
    await page.getByRole('button', { name: 'Heading 2', exact: true }).click()
    await text.locator('h2[data-suggestion-change="retype"]').waitFor()

    const seen = maintainer.page.locator('.ProseMirror')
    const retyped = seen.locator('h2[data-suggestion-change="retype"]', { hasText: 'A working draft, written in the open.' })
    await retyped.waitFor()
    const card = maintainer.page.getByTestId('suggestion-card').filter({ hasText: 'Change paragraph to heading 2' })
    await card.waitFor()
    expect(await card.textContent()).toContain('Block type')

    await card.getByRole('button', { name: 'Reject the suggestion by Carla' }).click()
    await card.getByLabel(/Reason/).fill('The line under the title stays a paragraph.')
    await card.getByRole('button', { name: 'Confirm reject' }).click()
    await retyped.waitFor({ state: 'detached' })
    await text.locator('p', { hasText: 'A working draft, written in the open.' }).waitFor()
    await seen.locator('p', { hasText: 'A working draft, written in the open.' }).waitFor()
    expect(await page.getByTestId('resync-notice').count()).toBe(0)
  })
})
