/** How a contributor is named on screen: their display name, or "Starter text" for what the server wrote itself. */
import type { PublicUser } from '../http/users'

export const STARTER_TEXT_NAME = 'Starter text'

export function contributorName(person: PublicUser | null): string {
  return person === null ? STARTER_TEXT_NAME : person.displayName
}
