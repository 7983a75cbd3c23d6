import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp, signUpMaintainer } from '../support/accounts'
import { startServer } from '../support/server'

/** Names every plain JavaScript object answers to, which a lookup table must not mistake for ids. */
const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']

const expectJsonError = async (response: Response, status: number) => {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/application\/json/)
  const body = (await response.json()) as { error: { id: string; message: string } }
  expect(body.error.id).toMatch(/^[a-z_]+$/)
  expect(body.error.message).not.toMatch(/at \/|node_modules|Error:/)
  return body.error
}

describe('ids named after prototype keys', () => {
  it('answers 404 for a document, version, contributor, user or suggestion with such a name', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    for (const key of PROTOTYPE_KEYS) {
      const name = encodeURIComponent(key)
      await expectJsonError(await as(server, admin).get(`/api/documents/${name}`), 404)
      await expectJsonError(await as(server, admin).get(`/api/documents/${name}/export?format=text`), 404)
      await expectJsonError(await as(server, admin).get(`/api/documents/${MANIFESTO_ID}/versions/${name}`), 404)
      await expectJsonError(await as(server, admin).get(`/api/documents/${MANIFESTO_ID}/contributors/${name}`), 404)
      await expectJsonError(await as(server, admin).get(`/api/users/${name}`), 404)
      await expectJsonError(await as(server, admin).post(`/api/documents/${MANIFESTO_ID}/suggestions/${name}/accept`), 404)
    }
  })

  it('refuses to make a member of an account with such a name, and leaves the members unchanged', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    const before = await (await as(server, admin).get(`/api/documents/${MANIFESTO_ID}/members`)).json()
    for (const key of PROTOTYPE_KEYS) {
      const name = encodeURIComponent(key)
      await expectJsonError(await as(server, admin).put(`/api/documents/${MANIFESTO_ID}/members/${name}`, { role: 'maintainer' }), 404)
      await expectJsonError(await as(server, admin).post(`/api/documents/${MANIFESTO_ID}/blocks/${name}`), 404)
    }
    expect(await (await as(server, admin).get(`/api/documents/${MANIFESTO_ID}/members`)).json()).toEqual(before)
  })

  it('refuses a reply to a suggestion with such a name, and the list of suggestions stays readable', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    for (const key of PROTOTYPE_KEYS) {
      const path = `/api/documents/${MANIFESTO_ID}/suggestions/${encodeURIComponent(key)}/replies`
      await expectJsonError(await as(server, mara).post(path, { text: 'A reply to nothing.' }), 404)
    }
    const listed = await as(server, mara).get(`/api/documents/${MANIFESTO_ID}/suggestions`)
    expect(listed.status).toBe(200)
    expect(((await listed.json()) as { suggestions: unknown[] }).suggestions).toEqual([])
  })
})

describe('paths that climb out of their folder or cannot be decoded', () => {
  it('answers a path with an undecodable escape with 400 and a JSON error', async () => {
    const server = await startServer()
    await expectJsonError(await fetch(`${server.url}/api/documents/%E0%A4%A`), 400)
  })

  it('answers an asset path that climbs out of the assets folder with 403 and a JSON error', async () => {
    const server = await startServer()
    await expectJsonError(await fetch(`${server.url}/assets/..%2F..%2Fpackage.json`), 403)
  })

  it('answers a document id that climbs out of the documents folder with 404 and a JSON error', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'site-admin')
    await expectJsonError(await as(server, admin).get('/api/documents/..%2F..%2Fpackage.json'), 404)
    await expectJsonError(await as(server, admin).get('/api/documents/..%2F..%2Fpackage.json/export?format=text'), 404)
  })

  it('answers a missing asset with 404 and a JSON error rather than the editor page', async () => {
    const server = await startServer()
    await expectJsonError(await fetch(`${server.url}/assets/no-such-file.js`), 404)
  })
})

describe('compressed request bodies', () => {
  it('refuses a gzip body with 415 without inflating it, and signs nobody in', async () => {
    const server = await startServer()
    await signUp(server, 'mara')
    // Five megabytes of spaces shrink to a few kilobytes: a server that inflated it would read past its limit.
    const bomb = gzipSync(Buffer.alloc(5_000_000, 32))
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: bomb,
    })
    const error = await expectJsonError(response, 415)
    expect(error.message).toMatch(/Content-Encoding/)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('refuses a body that claims a compression it does not have with 415', async () => {
    const server = await startServer()
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: 'not compressed at all',
      })
      await expectJsonError(response, 415)
    }
  })
})
