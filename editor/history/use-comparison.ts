/** A comparison page's data: the document, the versions (for the selects) and the comparison itself. */
import { useCallback } from 'react'
import { settleAll } from '../contributors/page-data'
import { type PageDataHandle, usePageData } from '../contributors/use-page-data'
import { type DocumentSummary, getDocument } from '../http/documents'
import { compareVersions, type Comparison, getVersions, type VersionList } from '../http/history'
import { type Missing, orMissing } from './missing'

export interface ComparisonData {
  readonly document: DocumentSummary
  readonly history: VersionList
  readonly comparison: Comparison | Missing
}

export function useComparison(documentId: string, from: string, to: string): PageDataHandle<ComparisonData> {
  const load = useCallback(
    async (signal: AbortSignal): Promise<ComparisonData> => {
      const [document, history, comparison] = await settleAll([
        getDocument(documentId, signal),
        getVersions(documentId, signal),
        orMissing(compareVersions(documentId, from, to, signal)),
      ] as const)
      return { document, history, comparison }
    },
    [documentId, from, to],
  )
  return usePageData(load)
}
