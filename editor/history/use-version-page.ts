/**
 * One version's page data: the document (title, role), the version's text, the whole list (for
 * the people it names and the numbers a restore points to) and, for a named version, its changelog.
 */
import { useCallback } from 'react'
import { settleAll } from '../contributors/page-data'
import { type PageDataHandle, usePageData } from '../contributors/use-page-data'
import { type DocumentSummary, getDocument } from '../http/documents'
import { type Changelog, getChangelog, getVersion, getVersions, type VersionDetail, type VersionList } from '../http/history'
import { isMissing, type Missing, orMissing } from './missing'

export interface VersionPageData {
  readonly document: DocumentSummary
  readonly detail: VersionDetail | Missing
  readonly history: VersionList
  readonly changelog: Changelog | null
}

export function useVersionPage(documentId: string, versionId: string): PageDataHandle<VersionPageData> {
  const load = useCallback(
    async (signal: AbortSignal): Promise<VersionPageData> => {
      const [document, detail, history] = await settleAll([
        getDocument(documentId, signal),
        orMissing(getVersion(documentId, versionId, signal)),
        getVersions(documentId, signal),
      ] as const)
      const changelog = isMissing(detail) || detail.version.name === null ? null : await getChangelog(documentId, versionId, signal)
      return { document, detail, history, changelog }
    },
    [documentId, versionId],
  )
  return usePageData(load)
}
