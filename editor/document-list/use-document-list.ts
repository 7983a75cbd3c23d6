/** Loads the list of documents, most recently edited first. */
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

export function useDocumentList(): DocumentListState {
  const [state, setState] = useState<DocumentListState>({ status: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    listDocuments(abort.signal).then(
      (documents) => setState({ status: 'ready', documents: [...documents].sort(byLastEdit) }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', message: describeError(error) })
      },
    )
    return () => abort.abort()
  }, [])
  return state
}
