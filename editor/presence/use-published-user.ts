/**
 * Tells co-writers who this tab is: the account's display name and colour, in the awareness
 * field `user`. The server overwrites the field with the same values from the session, so
 * this cannot impersonate anyone; it only lets a name or colour change show at once.
 *
 * A visitor without an account publishes no `user` at all: the server counts them among the
 * anonymous readers instead of showing them.
 */
import { useEffect } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { User } from '../http/users'
import type { AwarenessUser } from './participants'

export function usePublishedUser(awareness: Awareness | null, user: User | null): void {
  useEffect(() => {
    if (!awareness || !user) return
    const published: AwarenessUser = { id: user.id, name: user.displayName, color: user.color }
    awareness.setLocalStateField('user', published)
  }, [awareness, user])
}
