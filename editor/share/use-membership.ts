/**
 * The members and blocked people of one document, for the share dialog.
 *
 * After every change the list is read again from the server rather than patched here: a
 * block also removes the membership, a role change may be refused, and the server's answer
 * is the only one that is surely right. Reloading keeps the old list on screen meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { describeError, isAbortError } from '../http/api-error'
import { listMembers, type Membership } from '../http/members'

export type MembershipState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly membership: Membership }
  | { readonly status: 'error'; readonly message: string }

export interface MembershipHandle {
  readonly state: MembershipState
  /** Resolves once the list on screen is the server's latest. */
  readonly reload: () => Promise<void>
}

export function useMembership(documentId: string): MembershipHandle {
  const [state, setState] = useState<MembershipState>({ status: 'loading' })
  const inFlight = useRef<AbortController | null>(null)

  const reload = useCallback(async () => {
    inFlight.current?.abort()
    const abort = new AbortController()
    inFlight.current = abort
    try {
      setState({ status: 'ready', membership: await listMembers(documentId, abort.signal) })
    } catch (error) {
      if (isAbortError(error)) return
      // A list already on screen stays; the action that led here reports its own failure.
      setState((current) => (current.status === 'ready' ? current : { status: 'error', message: describeError(error) }))
    }
  }, [documentId])

  useEffect(() => {
    void reload()
    return () => inFlight.current?.abort()
  }, [reload])

  return { state, reload }
}
