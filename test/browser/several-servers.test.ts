import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { browserAvailable, documentText, launchBrowser, personIn } from '../support/browser'
import { startCluster } from '../support/cluster'
import { typeTogether } from '../support/typing-together'
import { clusterAvailable } from '../support/postgres'

describe.skipIf(!browserAvailable || !clusterAvailable)('two servers in the browser', () => {
  it('lets two people on two servers type into the manifesto at once, see each other’s words and carets, and get “All changes saved”', async () => {
    const { nodes } = await startCluster(2)
    const browser = await launchBrowser()
    // Ada, the first to sign up, maintains the manifesto; Ben suggests.
    const ada = await personIn(browser, nodes[0]!.url, { username: 'ada', displayName: 'Ada' })
    const ben = await personIn(browser, nodes[1]!.url, { username: 'ben', displayName: 'Ben' })
    await typeTogether(
      { page: ada.page, url: `${nodes[0]!.url}/d/${MANIFESTO_ID}`, text: ' Ada writes through the first server.' },
      { page: ben.page, url: `${nodes[1]!.url}/d/${MANIFESTO_ID}`, text: 'Ben suggests through the second. ' },
    )
    // typeTogether waits for each sentence without its last space, which may still be on its way.
    await expect.poll(async () => (await documentText(ada.page)) === (await documentText(ben.page))).toBe(true)
    await ada.page.waitForSelector('.collaboration-carets__label:has-text("Ben")')
    await ben.page.waitForSelector('.collaboration-carets__label:has-text("Ada")')
    for (const { page } of [ada, ben]) {
      await page.waitForSelector('[data-testid=save-status][data-state=saved]')
      expect(await page.textContent('[data-testid=save-status]')).toBe('All changes saved')
    }
  })
})
