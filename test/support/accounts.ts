/** Signing people up and in through the real API, for tests that need an identity. */
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
