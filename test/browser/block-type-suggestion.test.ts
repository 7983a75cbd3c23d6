import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp, signUpMaintainer } from '../support/accounts'
import { browserAvailable, launchBrowser, signedInVisitor } from '../support/browser'
import { startServer } from '../support/server'

const DOCUMENT = `/d/${MANIFESTO_ID}`

/** The manifesto open in two browsers: Carla, a contributor, and Mara, a maintainer. */
async function openTheManifesto() {
  const server = await startServer()
  const mara = await signUpMaintainer(server, 'mara', { displayName: 'Mara' })
  const carla = await signUp(server, 'carla', 'Carla')
  const browser = await launchBrowser()
  const contributor = await signedInVisitor(browser, server.url, carla)
  const maintainer = await signedInVisitor(browser, server.url, mara)
  await Promise.all([contributor.page.goto(`${server.url}${DOCUMENT}`), maintainer.page.goto(`${server.url}${DOCUMENT}`)])
  return { server, contributor, maintainer }
}

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
