/**
 * Reading exports the way their readers do: the Markdown export through a Markdown parser
 * (Tiptap's, which uses marked), the Atom feed through Chromium's XML parser.
 */
import { MarkdownManager } from '@tiptap/markdown'
import type { JSONContent } from '@tiptap/core'
import type { Page } from 'playwright-core'
import { documentExtensions } from '../../model/schema/extensions'

/** Every link address in `content`, depth first. */
export function linkAddresses(content: JSONContent): string[] {
  const own = (content.marks ?? []).filter((mark) => mark.type === 'link').map((mark) => String(mark.attrs?.href))
  return [...own, ...(content.content ?? []).flatMap(linkAddresses)]
}

/** The links a Markdown reader would make of `markdown`. */
export function markdownLinks(markdown: string): string[] {
  return linkAddresses(new MarkdownManager({ extensions: documentExtensions() }).parse(markdown))
}

export interface ReadFeed {
  /** The parser's complaint, when the feed is not well-formed. */
  error: string | null
  entries: number
  /** Elements in the XHTML namespace: a feed reader would render them. */
  xhtmlElements: number
  contents: string[]
  titles: string[]
  authors: string[]
}

export function readFeed(page: Page, xml: string): Promise<ReadFeed> {
  return page.evaluate((text) => {
    const feed = new DOMParser().parseFromString(text, 'application/xml')
    const atom = 'http://www.w3.org/2005/Atom'
    const all = (name: string) => Array.from(feed.getElementsByTagNameNS(atom, name), (element) => element.textContent ?? '')
    return {
      error: feed.getElementsByTagName('parsererror')[0]?.textContent ?? null,
      entries: feed.getElementsByTagNameNS(atom, 'entry').length,
      xhtmlElements: feed.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', '*').length,
      contents: all('content'),
      titles: all('title'),
      authors: all('name'),
    }
  }, xml)
}
