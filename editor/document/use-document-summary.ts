/**
 * Loads a document's title, settings and the caller's role, telling "does not exist", "sign
 * in first" and "not for you" apart from "could not load".
 *
 * `refresh` asks again without going back to `loading`, so an open editor stays on screen
 * while, say, the share dialog's changes are read back; `replace` takes a summary the server
 * has just sent (the answer to a settings change).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, describeError, isAbortError } from '../http/api-error'
import { type DocumentSummary, getDocument } from '../http/documents'

export type DocumentSummaryState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly document: DocumentSummary }
  | { readonly status: 'not-found' }
  | { readonly status: 'sign-in-required' }
  | { readonly status: 'forbidden' }
  | { readonly status: 'error'; readonly message: string }

export interface DocumentSummaryHandle {
  readonly state: DocumentSummaryState
  readonly refresh: () => void
  readonly replace: (document: DocumentSummary) => void
}

function stateForError(error: unknown): DocumentSummaryState {
  if (error instanceof ApiError) {
    if (error.status === 404) return { status: 'not-found' }
    if (error.status === 401) return { status: 'sign-in-required' }
    if (error.status === 403) return { status: 'forbidden' }
  }
  return { status: 'error', message: describeError(error) }
}

export function useDocumentSummary(documentId: string): DocumentSummaryHandle {
  const [state, setState] = useState<DocumentSummaryState>({ status: 'loading' })
  const inFlight = useRef<AbortController | null>(null)

  /** `quiet`: a failure to load keeps what is shown; only a clear answer (gone, sign in, forbidden) replaces it. */
  const load = useCallback(
    (quiet: boolean) => {
      inFlight.current?.abort()
      const abort = new AbortController()
      inFlight.current = abort
      getDocument(documentId, abort.signal).then(
        (document) => setState({ status: 'ready', document }),
        (error: unknown) => {
          if (isAbortError(error)) return
          const next = stateForError(error)
          if (!(quiet && next.status === 'error')) setState(next)
        },
      )
    },
    [documentId],
  )

  useEffect(() => {
    load(false)
    return () => inFlight.current?.abort()
  }, [load])

  const refresh = useCallback(() => load(true), [load])

  const replace = useCallback((document: DocumentSummary) => {
    inFlight.current?.abort()
    setState({ status: 'ready', document })
  }, [])

  return { state, refresh, replace }
}
