/**
 * The contributors page's data: the document (for its title), everyone's numbers with their
 * suggestions counted, and the credits by section.
 */
import { useCallback } from 'react'
import { getContributors, getCredits, type SectionCredits } from '../http/attribution'
import { type DocumentSummary, getDocument } from '../http/documents'
import { getSuggestions } from '../http/suggestions'
import { type ContributorRow, contributorRows } from './contributor-row'
import { settleAll } from './page-data'
import { type PageDataHandle, usePageData } from './use-page-data'

export interface ContributorsData {
  readonly document: DocumentSummary
  readonly contributors: readonly ContributorRow[]
  readonly sections: readonly SectionCredits[]
}

export function useContributors(documentId: string): PageDataHandle<ContributorsData> {
  const load = useCallback(
    async (signal: AbortSignal): Promise<ContributorsData> => {
      const [document, contributors, sections, { suggestions, people }] = await settleAll([
        getDocument(documentId, signal),
        getContributors(documentId, signal),
        getCredits(documentId, signal),
        getSuggestions(documentId, {}, signal),
      ] as const)
      return { document, contributors: contributorRows(contributors, suggestions, people), sections }
    },
    [documentId],
  )
  return usePageData(load)
}
