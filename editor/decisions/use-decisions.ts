/** The Decisions page's data: the document (its title, and whether the visitor maintains it) and the log. */
import { useCallback } from 'react'
import { settleAll } from '../contributors/page-data'
import { type PageDataHandle, usePageData } from '../contributors/use-page-data'
import { type DocumentSummary, getDocument } from '../http/documents'
import { type DecisionLog, getDecisionLog } from '../http/suggestions'

export interface DecisionsData {
  readonly document: DocumentSummary
  readonly log: DecisionLog
}

export function useDecisions(documentId: string): PageDataHandle<DecisionsData> {
  const load = useCallback(
    async (signal: AbortSignal): Promise<DecisionsData> => {
      const [document, log] = await settleAll([getDocument(documentId, signal), getDecisionLog(documentId, signal)] as const)
      return { document, log }
    },
    [documentId],
  )
  return usePageData(load)
}
