/**
 * Debian's Chromium for the benchmarks, headless, driven by playwright-core (never a downloaded
 * browser), with the same flags as the browser tests (test/support/browser.ts): nothing that
 * reaches for the network, which these machines do not have.
 */
import { chromium, type Browser, type Page } from 'playwright-core'

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  })
}

/** A page in a profile of its own that holds the session `cookie` (`name=value; …`) for `serverUrl`. */
export async function signedInPage(browser: Browser, serverUrl: string, cookie: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addCookies(
    cookie.split('; ').map((pair) => {
      const [name = '', ...value] = pair.split('=')
      return { name, value: value.join('='), url: serverUrl }
    }),
  )
  return context.newPage()
}
