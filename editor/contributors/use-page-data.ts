/**
 * Loads what a page needs once the visitor is known, again when they sign in or out, and again
 * on `retry` or `refresh`. A request overtaken by a newer one is aborted, so its answer never lands.
 */
import { useCallback, useEffect, useState } from 'react'
import { useAccount } from '../account/account-context'
import { isAbortError } from '../http/api-error'
import { type PageData, problemFor } from './page-data'

export interface PageDataHandle<T> {
  readonly state: PageData<T>
  /** Loads again from scratch, showing "Loading…": after a failure. */
  readonly retry: () => void
  /** Loads again, keeping the page as it is until the answer arrives: after the visitor changed something. */
  readonly refresh: () => void
}

interface Attempt {
  readonly count: number
  readonly quiet: boolean
}

/** `load` must be stable for the same inputs (wrap it in useCallback); a new `load` loads again. */
export function usePageData<T>(load: (signal: AbortSignal) => Promise<T>): PageDataHandle<T> {
  const account = useAccount()
  // Until the account is known, the answer could be for the wrong person (a members-only document says "sign in").
  const viewer = account.status === 'loading' ? null : (account.user?.id ?? 'anonymous')
  const [state, setState] = useState<PageData<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState<Attempt>({ count: 0, quiet: false })

  useEffect(() => {
    if (viewer === null) return
    const abort = new AbortController()
    if (!attempt.quiet) setState({ status: 'loading' })
    load(abort.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!isAbortError(error)) setState(problemFor(error))
      },
    )
    return () => abort.abort()
  }, [load, viewer, attempt])

  const retry = useCallback(() => setAttempt(({ count }) => ({ count: count + 1, quiet: false })), [])
  const refresh = useCallback(() => setAttempt(({ count }) => ({ count: count + 1, quiet: true })), [])
  return { state, retry, refresh }
}
