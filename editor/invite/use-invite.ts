/** Loads what an invitation link offers, telling a forged link and an expired one apart from a failure to load. */
import { useEffect, useState } from 'react'
import { ApiError, describeError, isAbortError } from '../http/api-error'
import { getInvite, type Invite } from '../http/invites'

export type InviteState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly invite: Invite }
  | { readonly status: 'invalid' }
  | { readonly status: 'expired' }
  | { readonly status: 'error'; readonly message: string }

export function useInvite(token: string): InviteState {
  const [state, setState] = useState<InviteState>({ status: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    getInvite(token, abort.signal).then(
      (invite) => setState({ status: 'ready', invite }),
      (error: unknown) => {
        if (isAbortError(error)) return
        if (error instanceof ApiError && error.id === 'invite_expired') setState({ status: 'expired' })
        else if (error instanceof ApiError && error.id === 'invalid_invite') setState({ status: 'invalid' })
        else setState({ status: 'error', message: describeError(error) })
      },
    )
    return () => abort.abort()
  }, [token])
  return state
}
