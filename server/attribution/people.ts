/**
 * Names the people in attribution. A person is a user id; null is the server's
 * own starter text. Accounts are never deleted, but an id that no longer names an
 * account is still shown, as an unknown person, rather than hidden.
 */
import { publicUser, type Accounts, type PublicUser } from '../auth/accounts'

export type Person = PublicUser

export function personLookup(accounts: Accounts): (id: string) => Person {
  return (id) => {
    const user = accounts.get(id)
    return user ? publicUser(user) : { id, username: '', displayName: 'Unknown person', color: '#6b7280' }
  }
}

/** The people named by `ids`, keyed by id, for responses that name people by id. */
export function peopleTable(ids: Iterable<string | null>, lookup: (id: string) => Person): Record<string, Person> {
  const table: Record<string, Person> = {}
  for (const id of ids) if (id !== null && !Object.hasOwn(table, id)) table[id] = lookup(id)
  return table
}

/** How text written by the server itself (null person) is credited. */
export const STARTER_TEXT_NAME = 'Starter text'

export const displayName = (person: string | null, lookup: (id: string) => Person) =>
  person === null ? STARTER_TEXT_NAME : lookup(person).displayName

export const isoTime = (time: number | null): string | null => (time === null ? null : new Date(time).toISOString())
