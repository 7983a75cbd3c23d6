/**
 * Browsers attach our session cookie to requests that pages on other sites make: a form
 * posted to our API, or a websocket opened to our documents. SameSite=Lax stops the cookie on
 * most of them, but not on every browser or on a sibling subdomain, so the server also checks
 * where each request that could change something comes from.
 *
 * Browsers send Origin with every websocket handshake and with every POST, PUT, PATCH and
 * DELETE; programs (curl, tests, bots) usually send none and carry no one's browser cookie.
 * Behind a proxy that rewrites Host, X-Forwarded-Host names the public host. A page cannot set
 * that header: a form cannot set headers at all, and a fetch that sets one needs a CORS
 * preflight, which this server never grants.
 */
import type { IncomingMessage } from 'node:http'

export function isCrossSite(request: IncomingMessage): boolean {
  // Sent by browsers even where Origin is left out; "same-site" is a sibling subdomain.
  const fetchSite = request.headers['sec-fetch-site']
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true
  const origin = request.headers.origin
  if (origin === undefined) return false
  const forwarded = request.headers['x-forwarded-host']
  const hosts = [request.headers.host, ...(Array.isArray(forwarded) ? forwarded : (forwarded?.split(',') ?? []))].map((host) => host?.trim())
  try {
    // An opaque origin ("null": a sandboxed frame, a data: page) parses without a host.
    const { host } = new URL(origin)
    return host === '' || !hosts.includes(host)
  } catch {
    return true
  }
}
