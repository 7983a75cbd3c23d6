/**
 * After the server closes the connection as forbidden (4403), asks the documents API what
 * changed, because the close code alone cannot say: this person was removed or blocked
 * (the document itself is now closed to them), they may still read but no longer edit, or
 * the document went members-only while they read it without an account.
 */
import { useEffect, useState } from 'react'
import { ApiError, isAbortError } from '../http/api-error'
import { getDocument } from '../http/documents'
import type { Closure } from './collab-session'

export type RefusalReason = 'checking' | 'removed' | 'cannot-edit' | 'sign-in-required'

export function useRefusalReason(documentId: string, closure: Closure | null): RefusalReason | null {
  const [reason, setReason] = useState<RefusalReason | null>(null)
  const forbidden = closure === 'forbidden'
  useEffect(() => {
    if (!forbidden) return
    const abort = new AbortController()
    setReason('checking')
    getDocument(documentId, abort.signal).then(
      () => setReason('cannot-edit'),
      (error: unknown) => {
        if (isAbortError(error)) return
        if (error instanceof ApiError && error.status === 401) setReason('sign-in-required')
        else if (error instanceof ApiError && (error.status === 403 || error.status === 404)) setReason('removed')
        else setReason('cannot-edit')
      },
    )
    return () => abort.abort()
  }, [documentId, forbidden])
  return forbidden ? reason : null
}
