/**
 * Who is in the document right now, read from Yjs awareness.
 *
 * The server stamps each signed-in person's awareness state with `user: { id, name, color }`
 * from their session, so names cannot be borrowed. Anonymous readers have no state of their
 * own: the server drops them and publishes a count instead, `readers: { anonymous: N }`,
 * in a state under its own client id. Every field is still checked, as anything arriving
 * over the network must be, and states without a usable `user` are skipped.
 */
import type { Awareness } from 'y-protocols/awareness'
import { DISPLAY_NAME_MAX_LENGTH } from '../http/users'

export interface AwarenessUser {
  /** The account id; null only for states from an older client that did not send one. */
  readonly id: string | null
  readonly name: string
  readonly color: string
}

export interface Participant extends AwarenessUser {
  /** The first of the person's tabs to arrive; keys the avatar. */
  readonly clientId: number
  readonly isSelf: boolean
}

export interface Presence {
  /** One per person, however many tabs they have open: yourself first, then in order of arrival. */
  readonly participants: readonly Participant[]
  /** People reading without an account (this tab included, if it is one of them). */
  readonly anonymousReaders: number
}

/** `#rrggbb` only: the value ends up in style attributes, and caret selections append an alpha to it. */
const HEX_COLOUR = /^#[\da-f]{6}$/i
const FALLBACK_COLOUR = '#6b6058'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

export function readAwarenessUser(state: unknown): AwarenessUser | null {
  const user = isRecord(state) ? state.user : undefined
  if (!isRecord(user)) return null
  const { id, name, color } = user
  if (typeof name !== 'string' || name.trim() === '') return null
  return {
    id: typeof id === 'string' ? id : null,
    name: name.trim().slice(0, DISPLAY_NAME_MAX_LENGTH),
    color: typeof color === 'string' && HEX_COLOUR.test(color) ? color : FALLBACK_COLOUR,
  }
}

function readAnonymousReaders(state: unknown): number {
  const readers = isRecord(state) ? state.readers : undefined
  const count = isRecord(readers) ? readers.anonymous : undefined
  return typeof count === 'number' && Number.isSafeInteger(count) && count > 0 ? count : 0
}

export function readPresence(awareness: Awareness): Presence {
  const byPerson = new Map<string, Participant>()
  let anonymousReaders = 0
  for (const [clientId, state] of awareness.getStates()) {
    anonymousReaders += readAnonymousReaders(state)
    const user = readAwarenessUser(state)
    if (!user) continue
    const isSelf = clientId === awareness.clientID
    // The same account in two tabs is one person; keyed by client id when there is no account id.
    const key = user.id ?? `client:${clientId}`
    const known = byPerson.get(key)
    if (!known) byPerson.set(key, { ...user, clientId, isSelf })
    else if (isSelf) byPerson.set(key, { ...known, ...user, isSelf })
  }
  const participants = [...byPerson.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf))
  return { participants, anonymousReaders }
}

/**
 * Whether two readings show the same people: a caret moving changes presence (and fires the
 * awareness's change event) without changing who is here, and should not re-render the header.
 */
export function samePresence(a: Presence, b: Presence): boolean {
  if (a.anonymousReaders !== b.anonymousReaders || a.participants.length !== b.participants.length) return false
  return a.participants.every((person, index) => {
    const other = b.participants[index]!
    return person.clientId === other.clientId && person.id === other.id && person.name === other.name && person.color === other.color && person.isSelf === other.isSelf
  })
}
