/**
 * /d/:documentId/v/:versionId: one version, read-only, at an address of its own. A banner says
 * which ("Version 12 · 3 Nov, 14:02 · Carla, Dan") with the ways on: back to the history,
 * compare with the current text, export, and for maintainers restore. A named version shows its
 * note and changelog.
 */
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { canEditDirectly } from '../access/roles'
import { usePageTitle } from '../app/use-page-title'
import { DocumentPagesHeader, documentTitle } from '../contributors/DocumentPagesHeader'
import { PageProblem } from '../contributors/PageProblem'
import { versionExportUrl, type VersionSummary } from '../http/history'
import { Changelog } from './Changelog'
import { Breadcrumbs } from '../contributors/Breadcrumbs'
import { isMissing } from './missing'
import { MissingVersion } from './MissingVersion'
import { comparePath, historyPath } from './paths'
import { RestoreControl } from './RestoreControl'
import { useVersionPage } from './use-version-page'
import { changeSummary, kindLabel, versionHeadline } from './version-labels'
import { VersionText } from './VersionText'
import '../contributors/contributors-page.css'
import './history.css'

export function VersionPage() {
  const { documentId = '', versionId = '' } = useParams<{ documentId: string; versionId: string }>()
  return <Version key={`${documentId} ${versionId}`} documentId={documentId} versionId={versionId} />
}

function Version({ documentId, versionId }: { readonly documentId: string; readonly versionId: string }) {
  const { state, retry, refresh } = useVersionPage(documentId, versionId)
  const [now] = useState(() => new Date())
  const [restored, setRestored] = useState<VersionSummary | null>(null)
  const ready = state.status === 'ready' ? state.data : null
  usePageTitle(ready && !isMissing(ready.detail) ? `Version ${ready.detail.version.number} · ${documentTitle(ready.document)}` : 'Version')
  if (state.status !== 'ready') return <PageProblem documentId={documentId} problem={state} what="version" retry={retry} />

  const { document, detail, history, changelog } = state.data
  if (isMissing(detail)) return <MissingVersion document={document} here="Version" message={detail.missing} />
  const { version, content } = detail
  const numberOf = (id: string) => history.versions.find((candidate) => candidate.id === id)?.number
  // The newest version's text is the current text: nothing to compare it with, nothing to restore.
  const latest = history.versions.at(-1)?.id === version.id
  const onRestored = (restore: VersionSummary) => {
    setRestored(restore)
    refresh()
  }
  return (
    <>
      <DocumentPagesHeader document={document} current="history" />
      <main className="contributors-page history-page" data-testid="version-page">
        <Breadcrumbs documentId={document.id} documentTitle={documentTitle(document)} page="history" here={`Version ${version.number}`} />
        <div className={`version-banner${version.name ? ' version-banner--named' : ''}`} data-testid="version-banner">
          <p className="version-banner__headline" data-testid="version-headline">
            {versionHeadline(version, history.people, now)}
          </p>
          {version.name && (
            <p className="version-banner__name">
              <span className="version-badge">Named</span> <strong data-testid="version-name">{version.name}</strong>
            </p>
          )}
          {version.note && <p className="version-banner__note">{version.note}</p>}
          <p className="version-banner__meta">
            {changeSummary(version.added, version.removed)} · {kindLabel(version, numberOf, history.people)}
          </p>
          <p className="version-banner__links">
            <Link to={historyPath(document.id)}>Back to history</Link>
            {!latest && <Link to={comparePath(document.id, version.id)} data-testid="compare-with-current">Compare with current</Link>}
            <a href={versionExportUrl(document.id, version.id, 'markdown')} download data-testid="export-markdown">Export Markdown</a>
            <a href={versionExportUrl(document.id, version.id, 'html')} download data-testid="export-html">Export HTML</a>
          </p>
          {canEditDirectly(document.role) && !latest && <RestoreControl documentId={document.id} version={version} onRestored={onRestored} />}
          <p className="page-notice" role="status" data-testid="version-notice">
            {restored && (
              <>
                Restored: the current text is now this version’s, recorded as version {restored.number}.{' '}
                <Link to={historyPath(document.id)}>See the history</Link>
              </>
            )}
          </p>
        </div>
        <VersionText content={content} label={`Text of version ${version.number}`} />
        {changelog && <Changelog documentId={document.id} changelog={changelog} now={now} />}
      </main>
    </>
  )
}
