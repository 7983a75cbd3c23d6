/**
 * Who is signed in on this browser, for every screen.
 *
 * Asked of the server once when the app starts, and again whenever the tab regains focus:
 * signing out in one tab should not leave another tab showing, and writing as, the old
 * account. Signing in, up or out, and saving the profile, hand the server's answer to
 * `setUser`, so every screen changes at once.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { getMe } from '../http/account'
import { isAbortError } from '../http/api-error'
import type { User } from '../http/users'

export type AccountState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly user: User | null }

interface AccountContextValue {
  readonly account: AccountState
  readonly setUser: (user: User | null) => void
}

const AccountContext = createContext<AccountContextValue | null>(null)

function sameUser(a: User | null, b: User | null): boolean {
  if (a === null || b === null) return a === b
  return (
    a.id === b.id &&
    a.username === b.username &&
    a.displayName === b.displayName &&
    a.color === b.color &&
    a.isAdmin === b.isAdmin
  )
}

export function AccountProvider({ children }: { readonly children: ReactNode }) {
  const [account, setAccount] = useState<AccountState>({ status: 'loading' })
  // The check in flight, if any: an answer the person has since overtaken must not land.
  const pendingCheck = useRef<AbortController | null>(null)

  // Keeps the current object when nothing changed, so effects that depend on the user do not rerun.
  const acceptUser = useCallback((user: User | null) => {
    setAccount((current) =>
      current.status === 'ready' && sameUser(current.user, user) ? current : { status: 'ready', user },
    )
  }, [])

  // A sign in that finishes while a check is still on its way would otherwise be undone by the check's older answer.
  const setUser = useCallback(
    (user: User | null) => {
      pendingCheck.current?.abort()
      acceptUser(user)
    },
    [acceptUser],
  )

  useEffect(() => {
    const check = (): void => {
      pendingCheck.current?.abort()
      const abort = new AbortController()
      pendingCheck.current = abort
      getMe(abort.signal).then(acceptUser, (error: unknown) => {
        if (isAbortError(error)) return
        // An unreachable server cannot tell us who we are; reading as a visitor is the safe guess,
        // and every page then says for itself what it could not load. A known account is kept.
        setAccount((current) => (current.status === 'loading' ? { status: 'ready', user: null } : current))
      })
    }
    check()
    window.addEventListener('focus', check)
    return () => {
      window.removeEventListener('focus', check)
      pendingCheck.current?.abort()
    }
  }, [acceptUser])

  const value = useMemo(() => ({ account, setUser }), [account, setUser])
  return <AccountContext.Provider value={value}>{children}</AccountContext.Provider>
}

function useAccountContext(): AccountContextValue {
  const context = useContext(AccountContext)
  if (!context) throw new Error('The account hooks must be used inside <AccountProvider>')
  return context
}

/** The account, or `loading` until the server has said who this is. */
export function useAccount(): AccountState {
  return useAccountContext().account
}

/** The signed-in person, or null while loading and for visitors. */
export function useUser(): User | null {
  const account = useAccount()
  return account.status === 'ready' ? account.user : null
}

/** Replaces the account with the server's latest answer (after sign in, sign up, sign out, profile). */
export function useSetUser(): (user: User | null) => void {
  return useAccountContext().setUser
}
