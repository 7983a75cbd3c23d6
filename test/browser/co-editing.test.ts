import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { signUpMaintainer } from '../support/accounts'
import { browserAvailable, documentText, launchBrowser, personIn } from '../support/browser'
import { connectClient } from '../support/clients'
import { until } from '../support/events'
import { typeTogether } from '../support/typing-together'
import { startServer } from '../support/server'

describe.skipIf(!browserAvailable)('co-editing in the browser', () => {
  it('lets two people type into the manifesto at once, see each other’s carets, and get “All changes saved”', async () => {
    const server = await startServer()
    expect(existsSync(path.join(server.config.editorDir, 'index.html')), 'the editor is built (npm run build)').toBe(true)
    const browser = await launchBrowser()
    const ada = await personIn(browser, server.url, { username: 'ada', displayName: 'Ada' })
    const ben = await personIn(browser, server.url, { username: 'ben', displayName: 'Ben' }, { width: 375, height: 740 })
    const url = `${server.url}/d/${MANIFESTO_ID}`
    await typeTogether({ page: ada.page, url, text: ' Ada adds a sentence at the end.' }, { page: ben.page, url, text: 'Ben starts it differently. ' })
    // typeTogether waits for each sentence without its last space, which may still be on its way.
    await expect.poll(async () => (await documentText(ada.page)) === (await documentText(ben.page))).toBe(true)

    await ada.page.waitForSelector('.collaboration-carets__label:has-text("Ben")')
    await ben.page.waitForSelector('.collaboration-carets__label:has-text("Ada")')
    await expect.poll(() => ada.page.locator('[data-testid=presence-avatar]').count()).toBe(2)

    for (const { page } of [ada, ben]) {
      await page.waitForSelector('[data-testid=save-status][data-state=saved]')
      expect(await page.textContent('[data-testid=save-status]')).toBe('All changes saved')
    }
    const exported = await (await fetch(`${server.url}/api/documents/${MANIFESTO_ID}/export?format=text`)).text()
    expect(exported).toContain('Ben starts it differently.')
    expect(exported).toContain(' Ada adds a sentence at the end.')
  })

  // Regression: y-tiptap's caret plugin republished an unmoved caret after every change someone else made.
  it('publishes the person’s caret when it moves, not again each time someone else’s typing arrives', async () => {
    const server = await startServer()
    // Ben first: the first account is the site's administrator, who makes Ben a maintainer.
    const ben = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'ben'))
    const browser = await launchBrowser()
    const ada = await personIn(browser, server.url, { username: 'ada', displayName: 'Ada' })
    await ben.synced()
    await ada.page.goto(`${server.url}/d/${MANIFESTO_ID}`)
    await ada.page.click('.ProseMirror h2 + p')
    const awareness = ben.provider.awareness
    const adaId = () => [...awareness.getStates()].find(([, state]) => state.user?.name === 'Ada' && state.cursor)?.[0]
    await until(() => adaId() !== undefined, [awareness], 'change')
    const adaClient = adaId()!
    let published = 0
    awareness.on('update', ({ updated }: { updated: number[] }) => {
      if (updated.includes(adaClient)) published++
    })

    // Ben types a line, one character at a time, each waiting until Ada's page shows it: each arrives on its own.
    const paragraph = new Y.XmlElement('paragraph')
    const line = new Y.XmlText()
    paragraph.insert(0, [line])
    ben.doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph])
    const typed = 'Ben types alone.'
    for (let length = 1; length <= typed.length; length++) {
      line.insert(length - 1, typed[length - 1]!)
      await ada.page.waitForFunction((text) => document.querySelector('.ProseMirror')?.textContent?.includes(text), typed.slice(0, length))
    }
    // Ada's caret moves: once Ben has that, everything Ada's page sent before it has arrived too.
    const before = JSON.stringify(awareness.getStates().get(adaClient)?.cursor)
    await ada.page.keyboard.press('End')
    await until(() => JSON.stringify(awareness.getStates().get(adaClient)?.cursor) !== before, [awareness], 'change')

    // The move itself, and at most the provider's renewal of its presence every 15 seconds.
    expect(published).toBeLessThanOrEqual(2)
    await browser.close()
  })
})
