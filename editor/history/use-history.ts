/** The History page's data: the document (its title, and whether the visitor maintains it) and its versions. */
import { useCallback } from 'react'
import { settleAll } from '../contributors/page-data'
import { type PageDataHandle, usePageData } from '../contributors/use-page-data'
import { type DocumentSummary, getDocument } from '../http/documents'
import { getVersions, type VersionList } from '../http/history'

export interface HistoryData {
  readonly document: DocumentSummary
  readonly history: VersionList
}

export function useHistory(documentId: string): PageDataHandle<HistoryData> {
  const load = useCallback(
    async (signal: AbortSignal): Promise<HistoryData> => {
      const [document, history] = await settleAll([getDocument(documentId, signal), getVersions(documentId, signal)] as const)
      return { document, history }
    },
    [documentId],
  )
  return usePageData(load)
}
