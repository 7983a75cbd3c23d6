/**
 * People: the signed-in account (`User`) and anyone else as others see them (`PublicUser`),
 * and looking someone up by username to add them to a document.
 */
import { requestJson } from './api-error'
import { fieldOf, isRecord, stringOf, unexpected } from './response-shape'

/**
 * The server's limits on account fields, mirrored for `maxLength` and for the hints beside
 * each field. The server still decides, and says what is wrong when a value breaks them.
 */
export const USERNAME_MAX_LENGTH = 32
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 200
export const DISPLAY_NAME_MAX_LENGTH = 60

/** How a person appears to others: in member lists, on avatars and beside their caret. */
export interface PublicUser {
  readonly id: string
  /** 3–32 characters of a–z, 0–9, `.`, `_` and `-`; how people find each other. */
  readonly username: string
  readonly displayName: string
  /** `#rrggbb`. */
  readonly color: string
}

/** The person signed in on this browser. */
export interface User extends PublicUser {
  /** Site admins may manage every document. The first person to sign up on a fresh install is one. */
  readonly isAdmin: boolean
}

export function readPublicUser(value: unknown): PublicUser {
  if (!isRecord(value)) throw unexpected('a person')
  return {
    id: stringOf(value, 'id', 'a person'),
    username: stringOf(value, 'username', 'a person'),
    displayName: stringOf(value, 'displayName', 'a person'),
    color: stringOf(value, 'color', 'a person'),
  }
}

export function readUser(value: unknown): User {
  const person = readPublicUser(value)
  const isAdmin = isRecord(value) ? value.isAdmin : undefined
  if (typeof isAdmin !== 'boolean') throw unexpected('an account')
  return { ...person, isAdmin }
}

/** Rejects with an ApiError whose id is `user_not_found` when nobody has this username. */
export async function findUser(username: string, signal?: AbortSignal): Promise<PublicUser> {
  const body = await requestJson(`/api/users/${encodeURIComponent(username)}`, { signal })
  return readPublicUser(fieldOf(body, 'user'))
}
