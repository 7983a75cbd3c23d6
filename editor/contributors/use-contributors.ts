/** The contributors page's data: the document (for its title), everyone's numbers, and the credits by section. */
import { useCallback } from 'react'
import { type Contributor, getContributors, getCredits, type SectionCredits } from '../http/attribution'
import { type DocumentSummary, getDocument } from '../http/documents'
import { settleAll } from './page-data'
import { type PageDataHandle, usePageData } from './use-page-data'

export interface ContributorsData {
  readonly document: DocumentSummary
  readonly contributors: readonly Contributor[]
  readonly sections: readonly SectionCredits[]
}

export function useContributors(documentId: string): PageDataHandle<ContributorsData> {
  const load = useCallback(
    async (signal: AbortSignal): Promise<ContributorsData> => {
      const [document, contributors, sections] = await settleAll([
        getDocument(documentId, signal),
        getContributors(documentId, signal),
        getCredits(documentId, signal),
      ] as const)
      return { document, contributors, sections }
    },
    [documentId],
  )
  return usePageData(load)
}
