/**
 * What the server keeps about each suggestion (rationale, replies, decisions) and the people
 * named in it. Fetched again when the set of pending suggestions or the server's review revision
 * changes, a moment after it settles so that typing a suggestion does not fetch once per keystroke,
 * and after each action.
 */
import { useCallback, useEffect, useState } from 'react'
import { isAbortError, describeError } from '../http/api-error'
import { getSuggestions, type People, type SuggestionRecord } from '../http/suggestions'

/** Long enough for a burst of typing to settle; short enough that a new suggestion's author is named promptly. */
const SETTLE_MS = 400

export interface ReviewRecords {
  readonly records: ReadonlyMap<string, SuggestionRecord>
  readonly people: People
  readonly error: string | null
  readonly refresh: () => void
}

/** `changeKey` names what the record depends on: the pending suggestions and the server's review revision. */
export function useReviewRecords(documentId: string, changeKey: string): ReviewRecords {
  const [state, setState] = useState<Omit<ReviewRecords, 'refresh'>>({ records: new Map(), people: {}, error: null })
  const [generation, setGeneration] = useState(0)
  const refresh = useCallback(() => setGeneration((value) => value + 1), [])
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(() => {
      getSuggestions(documentId, {}, controller.signal).then(
        ({ suggestions, people }) => setState({ records: new Map(suggestions.map((record) => [record.id, record])), people, error: null }),
        (error: unknown) => {
          if (!isAbortError(error)) setState((previous) => ({ ...previous, error: describeError(error) }))
        },
      )
    }, SETTLE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [documentId, changeKey, generation])
  return { ...state, refresh }
}
