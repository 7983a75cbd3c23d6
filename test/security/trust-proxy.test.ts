/**
 * Regression: with COOKIE_SECURE=true behind a TLS proxy the server set no cookie at all (it had
 * no trust-proxy setting, so every request looked like plain HTTP) and sign-in silently failed.
 */
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { readConfig } from '../../server/config'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { startServer, type TestServer } from '../support/server'

const SIGN_UP = { username: 'rosa', password: 'lantern orchard velvet', displayName: 'Rosa' }

function signUpThrough(server: TestServer, headers: Record<string, string>) {
  return fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(SIGN_UP),
  })
}

function secureServer(trustProxy: string) {
  return startServer({ secureCookies: true, trustProxy: readConfig({ COOKIE_SECURE: 'true', TRUST_PROXY: trustProxy }).trustProxy })
}

describe('behind a TLS proxy', () => {
  it('sends a Secure session cookie when a trusted proxy says the request came over HTTPS', async () => {
    const server = await secureServer('loopback')
    const response = await signUpThrough(server, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' })
    expect(response.status).toBe(201)
    const cookie = response.headers.getSetCookie().join('\n')
    expect(cookie).toMatch(/coffeehouse\.sid=/)
    expect(cookie).toMatch(/; Secure/)
  })

  it('trusts a proxy named by how many stand in front of the server', async () => {
    const server = await secureServer('1')
    const response = await signUpThrough(server, { 'x-forwarded-proto': 'https' })
    expect(response.status).toBe(201)
    expect(response.headers.getSetCookie().join('\n')).toMatch(/; Secure/)
  })

  it('refuses to sign in over plain HTTP with https_required instead of answering without a cookie', async () => {
    const server = await secureServer('loopback')
    const response = await signUpThrough(server, {})
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { id: string } }).error.id).toBe('https_required')
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('does not believe X-Forwarded-Proto from an address that is not a trusted proxy', async () => {
    const server = await secureServer('10.0.0.5')
    const response = await signUpThrough(server, { 'x-forwarded-proto': 'https' })
    expect(response.status).toBe(400)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('limits sign-in attempts per client the proxy names, not per proxy', async () => {
    const server = await startServer({
      trustProxy: ['loopback'],
      limits: { ...readConfig({}).limits, authAttemptsPer15Minutes: 2 },
    })
    const attempt = (client: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ username: 'nobody', password: 'a wrong password guess' }),
      })
    expect((await attempt('203.0.113.1')).status).toBe(401)
    expect((await attempt('203.0.113.1')).status).toBe(401)
    expect((await attempt('203.0.113.1')).status).toBe(429)
    expect((await attempt('203.0.113.2')).status).toBe(401)
  })

  it('limits websocket connections per client the proxy names, not per proxy', async () => {
    const server = await startServer({ trustProxy: ['loopback'], limits: { ...readConfig({}).limits, connectionsPerMinute: 2 } })
    const open = (client: string): Promise<number> =>
      new Promise((resolve) => {
        const socket = new WebSocket(`${server.collabUrl}/${MANIFESTO_ID}`, { headers: { 'x-forwarded-for': client } })
        socket.once('open', () => {
          socket.close()
          resolve(101)
        })
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      })
    expect([await open('203.0.113.1'), await open('203.0.113.1'), await open('203.0.113.1')]).toEqual([101, 101, 429])
    expect(await open('203.0.113.2')).toBe(101)
  })
})

describe('TRUST_PROXY configuration', () => {
  it('is off unless set', () => {
    expect(readConfig({}).trustProxy).toBe(false)
  })

  it('reads a count of proxies, or a comma-separated list of addresses, subnets and names', () => {
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8 ,fd00::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::1'])
  })

  it('refuses "true", which would let any client claim any address', () => {
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: name the proxies/)
  })

  it('refuses an entry that is not an address or subnet', () => {
    expect(() => readConfig({ TRUST_PROXY: 'loopback,proxy.example' })).toThrow(/TRUST_PROXY: .*proxy\.example/)
  })

  it('refuses COOKIE_SECURE=true without TRUST_PROXY at startup, saying why', () => {
    expect(() => readConfig({ COOKIE_SECURE: 'true' })).toThrow(/COOKIE_SECURE=true needs TRUST_PROXY/)
  })
})
