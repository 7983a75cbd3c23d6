/**
 * Who is in the document right now, read from Yjs awareness.
 *
 * Awareness states come from other people's browsers, so every field is checked: a state
 * without a usable `user` (a client still starting up, or a server-side peer) is skipped.
 */
import type { Awareness } from 'y-protocols/awareness'
import { NAME_MAX_LENGTH } from '../identity/identity'

export interface Participant {
  readonly clientId: number
  readonly name: string
  readonly color: string
  readonly isSelf: boolean
}

/** Hex colours only: the value ends up in a style attribute. */
const HEX_COLOUR = /^#[\da-f]{3}(?:[\da-f]{3})?$/i
const FALLBACK_COLOUR = '#6b6058'

function readUser(state: unknown): { name: string; color: string } | null {
  if (typeof state !== 'object' || state === null) return null
  const user: unknown = (state as Record<string, unknown>).user
  if (typeof user !== 'object' || user === null) return null
  const { name, color } = user as Record<string, unknown>
  if (typeof name !== 'string' || name.trim() === '') return null
  return {
    name: name.trim().slice(0, NAME_MAX_LENGTH),
    color: typeof color === 'string' && HEX_COLOUR.test(color) ? color : FALLBACK_COLOUR,
  }
}

/** Yourself first, then everyone else in the order they arrived. */
export function readParticipants(awareness: Awareness): Participant[] {
  const participants: Participant[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const user = readUser(state)
    if (user) participants.push({ clientId, ...user, isSelf: clientId === awareness.clientID })
  }
  return participants.sort((a, b) => Number(b.isSelf) - Number(a.isSelf))
}
