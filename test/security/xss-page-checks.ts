/**
 * What a page shows of the payloads: that each is on screen as literal text (so it was
 * rendered, not dropped), and that none of it became markup: no inline handler, no stray
 * script, frame or plugin, and no link, form or frame pointing at a javascript:, data: or
 * vbscript: address.
 */
import type { Page } from 'playwright-core'

/**
 * Whitespace and control characters are left out of the comparison: a page collapses runs of
 * whitespace, and a title or name is trimmed; neither changes whether markup was made.
 */
export const comparable = (text: string) => text.replace(/[\s\u0000-\u001f\u007f]/g, '')

/** The texts not yet shown (as rendered text) inside `selector`. */
function missingTexts(page: Page, texts: readonly string[], selector: string): Promise<string[]> {
  return page.evaluate(
    ({ wanted, selector }) => {
      const strip = (text: string) => text.replace(/[\s\u0000-\u001f\u007f]/g, '')
      const shown = strip(Array.from(document.querySelectorAll<HTMLElement>(selector), (element) => element.innerText).join('\n'))
      return wanted.filter((text) => !shown.includes(text))
    },
    { wanted: texts.map(comparable), selector },
  )
}

/** Resolves once every text is on screen inside `selector`; otherwise fails naming the missing ones. */
export async function waitForTexts(page: Page, texts: readonly string[], selector = 'body', timeout = 20_000): Promise<void> {
  try {
    await page.waitForFunction(
      ({ wanted, selector }) => {
        const strip = (text: string) => text.replace(/[\s\u0000-\u001f\u007f]/g, '')
        const shown = strip(Array.from(document.querySelectorAll<HTMLElement>(selector), (element) => element.innerText).join('\n'))
        return wanted.every((text) => shown.includes(text))
      },
      { wanted: texts.map(comparable), selector },
      { timeout, polling: 100 },
    )
  } catch (error) {
    const missing = await missingTexts(page, texts, selector)
    throw new Error(`${missing.length} of ${texts.length} texts never appeared in ${selector}: ${JSON.stringify(missing.slice(0, 5))}`, { cause: error })
  }
}

/** Everything on the page that looks like a payload turned into markup, described; empty when there is none. */
export function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const scriptSchemes = new Set(['javascript:', 'data:', 'vbscript:'])
    const describe = (element: Element) => element.outerHTML.slice(0, 120)
    const schemeOf = (address: string) => {
      try {
        return new URL(address, document.baseURI).protocol
      } catch {
        return ''
      }
    }
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`inline handler: ${describe(element)}`)
        if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc'].includes(attribute.name.toLowerCase())) {
          if (attribute.name === 'srcdoc' || scriptSchemes.has(schemeOf(attribute.value))) found.push(`script address: ${describe(element)}`)
        }
      }
    }
    // The app's own scripts are modules served from /assets.
    for (const script of document.querySelectorAll('script')) {
      if (!script.src || new URL(script.src).origin !== location.origin) found.push(`script: ${describe(script)}`)
    }
    for (const element of document.querySelectorAll('iframe, object, embed, base, meta[http-equiv]')) found.push(`element: ${describe(element)}`)
    return found
  })
}
