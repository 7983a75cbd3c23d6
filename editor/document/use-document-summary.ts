/** Loads a document's title and dates, telling "does not exist" apart from "could not load". */
import { useEffect, useState } from 'react'
import { ApiError, describeError, isAbortError } from '../http/api-error'
import { type DocumentSummary, getDocument } from '../http/documents'

export type DocumentSummaryState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly document: DocumentSummary }
  | { readonly status: 'not-found' }
  | { readonly status: 'error'; readonly message: string }

export function useDocumentSummary(documentId: string): DocumentSummaryState {
  const [state, setState] = useState<DocumentSummaryState>({ status: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    getDocument(documentId, abort.signal).then(
      (document) => setState({ status: 'ready', document }),
      (error: unknown) => {
        if (isAbortError(error)) return
        if (error instanceof ApiError && error.status === 404) setState({ status: 'not-found' })
        else setState({ status: 'error', message: describeError(error) })
      },
    )
    return () => abort.abort()
  }, [documentId])
  return state
}
