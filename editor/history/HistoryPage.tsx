/**
 * /d/:documentId/history: how the document came to be. A timeline to drag through the versions
 * (the chosen one's text shows below, read-only), the list of versions newest first with the
 * named ones standing out, comparing any two, changes since one's last visit, and for
 * maintainers naming the current text. Anyone who may read the document may read its history.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useParams } from 'react-router'
import { canEditDirectly } from '../access/roles'
import { usePageTitle } from '../app/use-page-title'
import { DocumentPagesHeader, documentTitle } from '../contributors/DocumentPagesHeader'
import { PageProblem } from '../contributors/PageProblem'
import { CURRENT, type VersionSummary } from '../http/history'
import { ChosenVersion } from './ChosenVersion'
import { CompareForm } from './CompareForm'
import { Breadcrumbs } from '../contributors/Breadcrumbs'
import { LastVisitNotice } from './LastVisitNotice'
import { NameVersionForm } from './NameVersionForm'
import { stepOf } from './timeline'
import { Timeline } from './Timeline'
import { useHistory } from './use-history'
import { useLatestVersion } from './use-latest-version'
import { useRefreshOnFocus } from './use-refresh-on-focus'
import { VersionList } from './VersionList'
import '../contributors/contributors-page.css'
import './history.css'

export function HistoryPage() {
  const { documentId = '' } = useParams<{ documentId: string }>()
  // Keyed by the document: another document's history starts afresh.
  return <History key={documentId} documentId={documentId} />
}

function History({ documentId }: { readonly documentId: string }) {
  const { state, retry, refresh } = useHistory(documentId)
  const [now, setNow] = useState(() => new Date())
  const reload = useCallback(() => {
    setNow(new Date())
    refresh()
  }, [refresh])
  useRefreshOnFocus(reload)
  const versions = state.status === 'ready' ? state.data.history.versions : null
  // The room announced a version this page has not listed: load the list again.
  const announced = useLatestVersion(documentId)
  const listed = announced.latest === '' || versions === null || versions.some((version) => version.id === announced.latest)
  useEffect(() => {
    if (!listed) reload()
  }, [listed, reload])
  // A version was named or renamed since the room first told this page about the history.
  const firstRevision = useRef(announced.revision)
  useEffect(() => {
    if (firstRevision.current === '') firstRevision.current = announced.revision
    else if (announced.revision !== firstRevision.current) {
      firstRevision.current = announced.revision
      reload()
    }
  }, [announced.revision, reload])
  // Null: the newest, wherever that is after a refresh; otherwise the version chosen on the timeline.
  const [chosenId, setChosenId] = useState<string | null>(null)
  const [notice, setNotice] = useState('')
  const headingId = useId()
  const numbers = useMemo(() => new Map((versions ?? []).map((version) => [version.id, version.number])), [versions])
  usePageTitle(state.status === 'ready' ? `History · ${documentTitle(state.data.document)}` : 'History')
  if (state.status !== 'ready') return <PageProblem documentId={documentId} problem={state} what="history" retry={retry} />

  const { document, history } = state.data
  const all = history.versions
  const chosen = stepOf(all, chosenId)
  const chosenVersion = all[chosen]
  const latest = all[all.length - 1]
  // Naming and restoring are a maintainer's, like deciding on suggestions: whoever may change the text directly.
  const curates = canEditDirectly(document.role)
  const numberOf = (id: string) => numbers.get(id)
  const choose = (index: number) => setChosenId(index === all.length - 1 ? null : (all[index]?.id ?? null))
  // After a change here: say what happened, load the list again, and (for a new current text) show it.
  const announce = (message: string, showNewest: boolean) => (version: VersionSummary) => {
    setNotice(message.replace('#', String(version.number)))
    if (showNewest) setChosenId(null)
    reload()
  }

  const nameForm = curates && (
    <section className="history-page__section">
      <NameVersionForm documentId={document.id} onNamed={announce('Named: version # is now a named version.', true)} />
    </section>
  )

  return (
    <>
      <DocumentPagesHeader document={document} current="history" />
      <main className="contributors-page contributors-page--wide history-page" data-testid="history-page">
        <Breadcrumbs documentId={document.id} documentTitle={documentTitle(document)} page="history" />
        <section aria-labelledby={headingId}>
          <div className="history-page__top">
            <h2 id={headingId} className="contributors-page__heading">History</h2>
            <button type="button" className="button button--quiet" onClick={reload} data-testid="refresh-history">
              Refresh
            </button>
          </div>
          <p className="contributors-page__lead">
            Every recorded version of this document, oldest at the left of the timeline, newest first in the list. A
            version is recorded after a burst of editing, after each decision on a suggestion, and when a maintainer
            names or restores one. <em>Named</em> versions are milestones.
          </p>
          <p className="page-notice" role="status" data-testid="history-notice">{notice}</p>
          {history.lastVisit && <LastVisitNotice documentId={document.id} lastVisit={history.lastVisit} versions={all} now={now} />}
          {chosenVersion === undefined || latest === undefined ? (
            <>
              <p className="contributors-page__empty" data-testid="no-versions">
                No versions yet. One is recorded a couple of minutes after someone edits the document.
              </p>
              {nameForm}
            </>
          ) : (
            <>
              <Timeline versions={all} chosen={chosen} onChoose={choose} now={now} />
              <ChosenVersion documentId={document.id} version={chosenVersion} people={history.people} numberOf={numberOf}
                latest={chosenVersion.id === latest.id} curates={curates} now={now}
                onRestored={announce('Restored: the current text is now version #.', true)}
                aside={
                  <>
                    <section className="history-page__section" aria-labelledby={`${headingId}-compare`}>
                      <h3 id={`${headingId}-compare`} className="history-page__subheading">Compare two versions</h3>
                      <CompareForm documentId={document.id} versions={all} hasLastVisit={history.lastVisit !== null}
                        from={all[Math.max(0, all.length - 2)]?.id ?? ''} to={CURRENT} now={now} />
                    </section>
                    {nameForm}
                    <section className="history-page__section" aria-labelledby={`${headingId}-list`}>
                      <h3 id={`${headingId}-list`} className="history-page__subheading">All versions</h3>
                      <VersionList documentId={document.id} versions={all} people={history.people} chosenId={chosenVersion.id}
                        numberOf={numberOf} now={now} onNamed={curates ? announce('Named: version # has its name.', false) : null} />
                    </section>
                  </>
                }
              />
            </>
          )}
        </section>
      </main>
    </>
  )
}
