/**
 * Regression: state-changing endpoints accepted form-encoded and text/plain bodies and requests
 * from a foreign Origin, so only SameSite=Lax stood between a hostile page and a person's account.
 */
import { describe, expect, it } from 'vitest'
import { as, signUp, type SignedIn } from '../support/accounts'
import { startServer, type TestServer } from '../support/server'

const FOREIGN_ORIGIN = 'https://attacker.example'

async function documentTitles(server: TestServer, person: SignedIn): Promise<string[]> {
  const body = (await (await as(server, person).get('/api/documents')).json()) as { documents: { title: string }[] }
  return body.documents.map((document) => document.title)
}

/** A new document from `person`'s browser, with the headers a page would make it send. */
function createDocument(server: TestServer, person: SignedIn, headers: Record<string, string>, body: string) {
  return fetch(`${server.url}/api/documents`, { method: 'POST', headers: { cookie: person.cookie, ...headers }, body })
}

async function errorOf(response: Response): Promise<{ status: number; id: string }> {
  const body = (await response.json()) as { error: { id: string } }
  return { status: response.status, id: body.error.id }
}

describe('cross-site request forgery', () => {
  it('refuses a form-encoded body with 415 and changes nothing', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    const before = await documentTitles(server, admin)
    const response = await createDocument(server, admin, { 'content-type': 'application/x-www-form-urlencoded' }, 'title=Forged')
    expect(await errorOf(response)).toEqual({ status: 415, id: 'json_required' })
    expect(await documentTitles(server, admin)).toEqual(before)
  })

  it('refuses a text/plain body that holds JSON with 415 and changes nothing', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    const before = await documentTitles(server, admin)
    const response = await createDocument(server, admin, { 'content-type': 'text/plain' }, JSON.stringify({ title: 'Forged' }))
    expect(await errorOf(response)).toEqual({ status: 415, id: 'json_required' })
    expect(await documentTitles(server, admin)).toEqual(before)
  })

  it('refuses a multipart form with 415', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    const form = new FormData()
    form.set('title', 'Forged')
    const response = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { cookie: admin.cookie }, body: form })
    expect(await errorOf(response)).toEqual({ status: 415, id: 'json_required' })
  })

  it('refuses a JSON request from a page on another site with 403 and changes nothing', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    const before = await documentTitles(server, admin)
    const response = await createDocument(server, admin, { 'content-type': 'application/json', origin: FOREIGN_ORIGIN }, JSON.stringify({ title: 'Forged' }))
    expect(await errorOf(response)).toEqual({ status: 403, id: 'cross_site' })
    expect(await documentTitles(server, admin)).toEqual(before)
  })

  it('refuses a body-less request from another site, such as signing someone out', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    const response = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie: admin.cookie, origin: FOREIGN_ORIGIN } })
    expect(await errorOf(response)).toEqual({ status: 403, id: 'cross_site' })
    const me = (await (await as(server, admin).get('/api/me')).json()) as { user: { username: string } | null }
    expect(me.user?.username).toBe('site-admin')
  })

  it('refuses a request the browser marks as coming from a sibling site, even without Origin', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    for (const site of ['cross-site', 'same-site']) {
      const response = await createDocument(server, admin, { 'content-type': 'application/json', 'sec-fetch-site': site }, JSON.stringify({ title: 'Forged' }))
      expect(await errorOf(response)).toEqual({ status: 403, id: 'cross_site' })
    }
  })

  it('refuses an opaque origin ("null"), as a sandboxed frame sends', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    const response = await createDocument(server, admin, { 'content-type': 'application/json', origin: 'null' }, JSON.stringify({ title: 'Forged' }))
    expect(await errorOf(response)).toEqual({ status: 403, id: 'cross_site' })
  })

  it('accepts a JSON request from the server’s own pages', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    const headers = { 'content-type': 'application/json; charset=utf-8', origin: server.url, 'sec-fetch-site': 'same-origin' }
    const response = await createDocument(server, admin, headers, JSON.stringify({ title: 'Our own' }))
    expect(response.status).toBe(201)
    expect(await documentTitles(server, admin)).toContain('Our own')
  })

  it('accepts a request whose origin is the public host a proxy names in X-Forwarded-Host', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    const headers = { 'content-type': 'application/json', origin: 'https://manifesto.example', 'x-forwarded-host': 'manifesto.example' }
    const response = await createDocument(server, admin, headers, JSON.stringify({ title: 'Through the proxy' }))
    expect(response.status).toBe(201)
  })

  it('still answers reads from other sites, which change nothing', async () => {
    const server = await startServer()
    const response = await fetch(`${server.url}/api/documents`, { headers: { origin: FOREIGN_ORIGIN, 'sec-fetch-site': 'cross-site' } })
    expect(response.status).toBe(200)
  })
})
