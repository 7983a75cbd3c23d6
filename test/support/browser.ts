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

export interface Visitor {
  context: BrowserContext
  page: Page
}

/** A browser profile of its own (its own cookies): someone who has not signed in. */
export async function visitorIn(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Visitor> {
  const context = await browser.newContext({ viewport })
  return { context, page: await context.newPage() }
}

/** A browser profile for someone who has signed up through the API (the cookie lands in the profile). */
export async function personIn(
  browser: Browser,
  serverUrl: string,
  person: { username: string; displayName: string },
  viewport = { width: 1280, height: 800 },
): Promise<Visitor> {
  const visitor = await visitorIn(browser, viewport)
  const response = await visitor.context.request.post(`${serverUrl}/api/auth/signup`, {
    data: { ...person, password: 'a long enough password' },
  })
  if (!response.ok()) throw new Error(`signing up ${person.username} failed: ${response.status()} ${await response.text()}`)
  return visitor
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

/** A browser profile for someone already signed in through the API (see accounts.ts): their session cookie is put in it. */
export async function signedInVisitor(
  browser: Browser,
  serverUrl: string,
  person: { cookie: string },
  viewport = { width: 1280, height: 800 },
): Promise<Visitor> {
  const visitor = await visitorIn(browser, viewport)
  const cookies = person.cookie.split('; ').map((pair) => {
    const [name = '', ...value] = pair.split('=')
    return { name, value: value.join('='), url: serverUrl }
  })
  await visitor.context.addCookies(cookies)
  return visitor
}
