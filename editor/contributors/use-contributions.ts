/** One person's page: the document (for its title), their numbers, and their passages in the current text. */
import { useCallback } from 'react'
import { type Contributor, getContributions, type Passage } from '../http/attribution'
import { type DocumentSummary, getDocument } from '../http/documents'
import { settleAll } from './page-data'
import { type PageDataHandle, usePageData } from './use-page-data'

export interface ContributionsData {
  readonly document: DocumentSummary
  readonly contributor: Contributor
  readonly passages: readonly Passage[]
}

export function useContributions(documentId: string, username: string): PageDataHandle<ContributionsData> {
  const load = useCallback(
    async (signal: AbortSignal): Promise<ContributionsData> => {
      const [document, { contributor, passages }] = await settleAll([
        getDocument(documentId, signal),
        getContributions(documentId, username, signal),
      ] as const)
      return { document, contributor, passages }
    },
    [documentId, username],
  )
  return usePageData(load)
}
