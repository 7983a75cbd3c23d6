/**
 * One person's page: the document (for its title), their numbers, their passages in the current
 * text, and every suggestion they made with what became of it.
 */
import { useCallback } from 'react'
import { getContributions, type Passage } from '../http/attribution'
import { type DocumentSummary, getDocument } from '../http/documents'
import { getSuggestions, type People, type SuggestionRecord } from '../http/suggestions'
import { type ContributorRow, countSuggestions, withCounts } from './contributor-row'
import { settleAll } from './page-data'
import { supersedingAuthors } from './superseding'
import { type PageDataHandle, usePageData } from './use-page-data'

export interface ContributionsData {
  readonly document: DocumentSummary
  readonly contributor: ContributorRow
  readonly passages: readonly Passage[]
  /** Newest first. */
  readonly suggestions: readonly SuggestionRecord[]
  /** Everyone the suggestions mention: who decided, replied, edited, or wrote a suggestion accepted over theirs. */
  readonly people: People
  /** Superseded suggestion id → the author of the one accepted over it. */
  readonly supersededBy: ReadonlyMap<string, string>
}

export function useContributions(documentId: string, username: string): PageDataHandle<ContributionsData> {
  const load = useCallback(
    async (signal: AbortSignal): Promise<ContributionsData> => {
      const [document, { contributor, passages }, list] = await settleAll([
        getDocument(documentId, signal),
        getContributions(documentId, username, signal),
        getSuggestions(documentId, { author: username }, signal),
      ] as const)
      const superseding = await supersedingAuthors(documentId, list.suggestions, signal)
      return {
        document,
        contributor: withCounts(contributor, countSuggestions(list.suggestions)),
        passages,
        suggestions: [...list.suggestions].reverse(),
        people: { ...superseding.people, ...list.people },
        supersededBy: superseding.authors,
      }
    },
    [documentId, username],
  )
  return usePageData(load)
}
