/**
 * Turns what someone typed into the link field into an address the Link extension accepts.
 *
 * People type "example.org" or "ana@example.org" far more often than a full URL, so a
 * missing scheme is filled in. Only http, https and mailto are allowed: the same list as
 * the schema (model/schema/link-href.ts), and nothing that can run script.
 */
import { isAllowedHref } from '../../model/schema/link-href'

export type LinkUrlResult = { readonly ok: true; readonly href: string } | { readonly ok: false; readonly message: string }

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/

export function normaliseLinkUrl(input: string): LinkUrlResult {
  const text = input.trim()
  if (text === '') return { ok: false, message: 'Type or paste an address, such as example.org.' }
  if (/\s/.test(text)) return { ok: false, message: 'An address cannot contain spaces.' }

  const href = HAS_SCHEME.test(text) ? text : EMAIL.test(text) ? `mailto:${text}` : `https://${text}`
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return { ok: false, message: 'That does not look like a web address.' }
  }
  if (!isAllowedHref(href)) {
    return { ok: false, message: 'Links can go to web pages (http, https) or email addresses (mailto).' }
  }
  if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, message: 'That does not look like a web address.' }
  }
  return { ok: true, href }
}
