/**
 * A real browser for end-to-end tests: Debian's Chromium, driven by playwright-core.
 * Never a downloaded browser. Without Chromium the browser suite is skipped, loudly,
 * unless COFFEEHOUSE_REQUIRE_BROWSER=1 (set by CI), which turns that into a failure.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { onTestFinished } from 'vitest'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const required = process.env.COFFEEHOUSE_REQUIRE_BROWSER === '1'

export const browserAvailable = existsSync(executablePath)

if (!browserAvailable) {
  const message = `Chromium was not found at ${executablePath}: the browser end-to-end tests ${required ? 'cannot run' : 'are SKIPPED'}. Install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`
  if (required) throw new Error(message)
  console.warn(`\n${'!'.repeat(100)}\n!! ${message}\n${'!'.repeat(100)}\n`)
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath,
    // The flags keep Chromium from reaching for the network, which this machine does not have.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
  onTestFinished(() => browser.close())
  return browser
}

export interface Person {
  name: string
  color: string
}

/** A browser profile for one person, who has already picked a name and colour. */
export async function personIn(browser: Browser, person: Person, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport })
  await context.addInitScript((identity) => localStorage.setItem('coffeehouse:identity', JSON.stringify(identity)), person)
  return { context, page: await context.newPage() }
}

/** The document's text as a reader sees it, without other people's caret labels. */
export function documentText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const editor = document.querySelector('.ProseMirror')
    if (!editor) return ''
    const copy = editor.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
    return copy.textContent ?? ''
  })
}
