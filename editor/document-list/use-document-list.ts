/** Loads the documents the caller may read, most recently edited first. */
import { useEffect, useState } from 'react'
import { describeError, isAbortError } from '../http/api-error'
import { type DocumentSummary, listDocuments } from '../http/documents'

export type DocumentListState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly documents: readonly DocumentSummary[] }
  | { readonly status: 'error'; readonly message: string }

function byLastEdit(a: DocumentSummary, b: DocumentSummary): number {
  return Date.parse(b.updatedAt) - Date.parse(a.updatedAt)
}

/**
 * `viewer` names who is asking (an account id, or "anonymous"); the list reloads when it
 * changes. null waits: until the account is known, any list could be the wrong one.
 */
export function useDocumentList(viewer: string | null): DocumentListState {
  const [state, setState] = useState<DocumentListState>({ status: 'loading' })
  useEffect(() => {
    if (viewer === null) return
    const abort = new AbortController()
    setState({ status: 'loading' })
    listDocuments(abort.signal).then(
      (documents) => setState({ status: 'ready', documents: [...documents].sort(byLastEdit) }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', message: describeError(error) })
      },
    )
    return () => abort.abort()
  }, [viewer])
  return state
}
