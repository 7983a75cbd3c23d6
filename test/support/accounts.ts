/** Signing people up and in through the real API, for tests that need an identity. */
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import type { TestServer } from './server'

export interface SignedIn {
  user: { id: string; username: string; displayName: string; color: string; isAdmin: boolean }
  /** `name=value` of the session cookie, for fetch and websocket headers. */
  cookie: string
}

async function authenticate(server: Pick<TestServer, 'url'>, path: string, body: object): Promise<SignedIn> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
  const cookie = response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ')
  const { user } = (await response.json()) as { user: SignedIn['user'] }
  return { user, cookie }
}

export const PASSWORD = 'correct horse battery staple'

/** Signs up a new person (the first on a server becomes its admin) and returns their session. */
export function signUp(server: Pick<TestServer, 'url'>, username: string, displayName = username): Promise<SignedIn> {
  return authenticate(server, '/api/auth/signup', { username, password: PASSWORD, displayName })
}

export function signIn(server: Pick<TestServer, 'url'>, username: string, password = PASSWORD): Promise<SignedIn> {
  return authenticate(server, '/api/auth/login', { username, password })
}

/** A fetch with a session cookie and JSON. */
export function as(server: Pick<TestServer, 'url'>, person: SignedIn | null) {
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { ...(person ? { cookie: person.cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown) => send('POST', path, body ?? {}),
    put: (path: string, body: unknown) => send('PUT', path, body),
    patch: (path: string, body: unknown) => send('PATCH', path, body),
    delete: (path: string) => send('DELETE', path),
  }
}

/**
 * Signs up someone who maintains `documentId` (the manifesto unless told), so their edits
 * change the text directly: on a document open to contributions, any other signed-in
 * person may only suggest. A maintainer is appointed by an admin: `admin`, or an account
 * named site-admin that is made the server's first account when there is none yet.
 */
export async function signUpMaintainer(
  server: Pick<TestServer, 'url'>,
  username: string,
  options: { displayName?: string; documentId?: string; admin?: SignedIn } = {},
): Promise<SignedIn> {
  const admin = options.admin ?? (await siteAdmin(server))
  const person = await signUp(server, username, options.displayName ?? username)
  const documentId = options.documentId ?? MANIFESTO_ID
  const response = await as(server, admin).put(`/api/documents/${documentId}/members/${person.user.id}`, { role: 'maintainer' })
  if (!response.ok) throw new Error(`making ${username} a maintainer answered ${response.status}: ${await response.text()}`)
  return person
}

async function siteAdmin(server: Pick<TestServer, 'url'>): Promise<SignedIn> {
  const admin = await signIn(server, 'site-admin').catch(() => signUp(server, 'site-admin'))
  if (!admin.user.isAdmin) throw new Error('site-admin is not the admin: sign it up before anyone else, or pass `admin`')
  return admin
}
