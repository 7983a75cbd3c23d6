/**
 * Which proxies the server believes about a request's client (X-Forwarded-For) and protocol
 * (X-Forwarded-Proto). Behind a TLS proxy the server itself sees plain HTTP from the proxy: it
 * must believe the proxy's "https" to send a Secure cookie, and its "for" to limit sign-in
 * attempts per person rather than per proxy. Believing anyone else would let a client pick its
 * own address, so only the proxies named in TRUST_PROXY are believed.
 */
import type { IncomingMessage } from 'node:http'
import proxyAddr from 'proxy-addr'

/** false: no proxy; a number: that many proxies in front; a list: the proxies' addresses, subnets or proxy-addr's names. */
export type TrustProxy = false | number | readonly string[]

/** Throws if an entry is not an address, a subnet or one of proxy-addr's names (loopback, linklocal, uniquelocal). */
export function checkTrustProxy(trust: TrustProxy): void {
  if (Array.isArray(trust)) proxyAddr.compile([...trust])
}

/** The address a request came from: the client's, as far back as trusted proxies vouch for it. */
export function clientAddressOf(trust: TrustProxy): (request: IncomingMessage) => string {
  const trusted: (address: string, hop: number) => boolean =
    trust === false ? () => false : typeof trust === 'number' ? (_address, hop) => hop < trust : proxyAddr.compile([...trust])
  return (request) => proxyAddr(request, trusted)
}
