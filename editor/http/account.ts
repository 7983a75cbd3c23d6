/**
 * The session: who is signed in on this browser, signing up, in and out, and the profile.
 *
 * The server keeps the session in an HttpOnly cookie that no script can read, so "who am I"
 * is always a question to the server (GET /api/me), never something we remember ourselves.
 */
import { requestJson } from './api-error'
import { fieldOf, unexpected } from './response-shape'
import { readUser, type User } from './users'

export interface SignUpRequest {
  readonly username: string
  readonly password: string
  readonly displayName: string
}

export interface SignInRequest {
  readonly username: string
  readonly password: string
}

export interface ProfileChanges {
  readonly displayName?: string
  /** `#rrggbb`. */
  readonly color?: string
}

function userIn(body: unknown): User {
  return readUser(fieldOf(body, 'user'))
}

/** The signed-in person, or null for an anonymous visitor. */
export async function getMe(signal?: AbortSignal): Promise<User | null> {
  const body = await requestJson('/api/me', { signal })
  const user = fieldOf(body, 'user')
  if (user === undefined) throw unexpected('an account')
  return user === null ? null : readUser(user)
}

/** Creates the account and signs in. Rejects with `invalid_request`, `username_taken` or `rate_limited`. */
export async function signUp(request: SignUpRequest): Promise<User> {
  return userIn(await requestJson('/api/auth/signup', { method: 'POST', body: JSON.stringify(request) }))
}

/** Rejects with `invalid_credentials` (deliberately not saying which half was wrong) or `rate_limited`. */
export async function signIn(request: SignInRequest): Promise<User> {
  return userIn(await requestJson('/api/auth/login', { method: 'POST', body: JSON.stringify(request) }))
}

export async function signOut(): Promise<void> {
  await requestJson('/api/auth/logout', { method: 'POST' })
}

export async function updateProfile(changes: ProfileChanges): Promise<User> {
  return userIn(await requestJson('/api/me', { method: 'PATCH', body: JSON.stringify(changes) }))
}
