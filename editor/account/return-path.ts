/**
 * Where to go back to after signing in or up: the `next` query parameter.
 *
 * `next` arrives in the address bar, so anyone can write it; a link to our sign-in page must
 * never send a person on to another site once they have typed their password. Only paths on
 * this origin pass; anything else returns home.
 */

/** A base that no real page has, to tell "a path here" from "somewhere else" with the URL parser. */
const PROBE_ORIGIN = 'https://coffeehouse.invalid'
const AUTH_PAGES = ['/signin', '/signup']

export function safeReturnPath(raw: string | null): string {
  if (raw === null || !raw.startsWith('/')) return '/'
  let url: URL
  try {
    // The parser, not a prefix check, decides: it knows that "//host", "/\host" and "/\t/host" all leave the site.
    url = new URL(raw, PROBE_ORIGIN)
  } catch {
    return '/'
  }
  if (url.origin !== PROBE_ORIGIN || AUTH_PAGES.includes(url.pathname)) return '/'
  return `${url.pathname}${url.search}${url.hash}`
}

/** `?next=/d/abc`: slashes stay readable (they are allowed in a query), everything else is escaped. */
function nextQuery(returnTo: string): string {
  return returnTo === '/' ? '' : `?next=${encodeURIComponent(returnTo).replaceAll('%2F', '/')}`
}

export function signInPath(returnTo: string): string {
  return `/signin${nextQuery(returnTo)}`
}

export function signUpPath(returnTo: string): string {
  return `/signup${nextQuery(returnTo)}`
}
