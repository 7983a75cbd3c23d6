/**
 * The text of the version chosen on the timeline. Dragging asks for one version after another:
 * an answer overtaken by a newer choice is aborted, and the text already shown stays until the
 * new one arrives, so the preview never flashes empty. Versions once read are kept for the
 * page's life: their text never changes.
 */
import { useEffect, useRef, useState } from 'react'
import { describeError, isAbortError } from '../http/api-error'
import { getVersion, type VersionDetail } from '../http/history'

export type VersionPreview =
  | { readonly status: 'loading'; readonly shown: VersionDetail | null }
  | { readonly status: 'ready'; readonly shown: VersionDetail }
  | { readonly status: 'error'; readonly shown: VersionDetail | null; readonly message: string }

export function useVersionPreview(documentId: string, versionId: string | null): VersionPreview {
  const cache = useRef(new Map<string, VersionDetail>())
  const [preview, setPreview] = useState<VersionPreview>({ status: 'loading', shown: null })

  useEffect(() => {
    if (versionId === null) return
    const known = cache.current.get(versionId)
    if (known) {
      setPreview({ status: 'ready', shown: known })
      return
    }
    const abort = new AbortController()
    setPreview((previous) => ({ status: 'loading', shown: previous.shown }))
    getVersion(documentId, versionId, abort.signal).then(
      (detail) => {
        cache.current.set(versionId, detail)
        setPreview({ status: 'ready', shown: detail })
      },
      (error: unknown) => {
        if (!isAbortError(error)) setPreview((previous) => ({ status: 'error', shown: previous.shown, message: describeError(error) }))
      },
    )
    return () => abort.abort()
  }, [documentId, versionId])

  return preview
}
