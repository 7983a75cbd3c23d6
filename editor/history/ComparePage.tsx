/**
 * /d/:documentId/compare?from=&to=: what changed between two versions (or since one's last
 * visit, or up to the current text). The text of both, merged, with added words underlined in
 * their writer's colour and removed words struck through, each titled with who and when;
 * above it, each person's share; and the selects to compare something else.
 */
import type { Extensions } from '@tiptap/core'
import { useMemo, useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { usePageTitle } from '../app/use-page-title'
import { DocumentPagesHeader, documentTitle } from '../contributors/DocumentPagesHeader'
import { PageProblem } from '../contributors/PageProblem'
import { CURRENT, type HistoryPeople } from '../http/history'
import { CompareForm } from './CompareForm'
import { comparisonEndName } from './comparison-ends'
import { Breadcrumbs } from '../contributors/Breadcrumbs'
import { isMissing } from './missing'
import { MissingVersion } from './MissingVersion'
import { ShareList } from './ShareList'
import { useComparison } from './use-comparison'
import { changeSummary } from './version-labels'
import { VersionChange } from './version-change'
import { VersionText } from './VersionText'
import '../contributors/contributors-page.css'
import './history.css'

export function ComparePage() {
  const { documentId = '' } = useParams<{ documentId: string }>()
  const [search] = useSearchParams()
  const from = search.get('from') ?? ''
  const to = search.get('to') ?? CURRENT
  return <Compare key={`${documentId} ${from} ${to}`} documentId={documentId} from={from} to={to} />
}

function Compare({ documentId, from, to }: { readonly documentId: string; readonly from: string; readonly to: string }) {
  const { state, retry } = useComparison(documentId, from, to)
  const [now] = useState(() => new Date())
  const comparison = state.status === 'ready' && !isMissing(state.data.comparison) ? state.data.comparison : null
  const extensions = useChangeMarks(comparison?.people ?? null, now)
  usePageTitle(state.status === 'ready' ? `Comparison · ${documentTitle(state.data.document)}` : 'Comparison')
  if (state.status !== 'ready') return <PageProblem documentId={documentId} problem={state} what="comparison" retry={retry} />
  const { document, history } = state.data
  if (comparison === null || isMissing(state.data.comparison)) {
    const message = isMissing(state.data.comparison) ? state.data.comparison.missing : ''
    return <MissingVersion document={document} here="Comparison" message={message} />
  }
  const { summary, people } = comparison

  return (
    <>
      <DocumentPagesHeader document={document} current="history" />
      <main className="contributors-page history-page" data-testid="compare-page">
        <Breadcrumbs documentId={document.id} documentTitle={documentTitle(document)} page="history" here="Comparison" />
        <h2 className="contributors-page__heading" data-testid="compare-heading">
          {comparisonEndName(comparison.from, now)} → {comparisonEndName(comparison.to, now)}
        </h2>
        <CompareForm key={`${from} ${to}`} documentId={document.id} versions={history.versions} hasLastVisit={history.lastVisit !== null}
          from={from} to={to} now={now} />
        <section className="compare-summary" aria-label="Who changed what" data-testid="compare-summary">
          <p className="compare-summary__total" data-testid="compare-total">{changeSummary(summary.added, summary.removed)}</p>
          <ShareList documentId={document.id} shares={summary.people} people={people} testId="compare-people" />
          <p className="compare-summary__legend">
            <ins className="version-change version-change--added">Added text</ins> is underlined in its writer’s colour;{' '}
            <del className="version-change version-change--removed">removed text</del> is struck through. Point at either
            to see who did it, and when.
          </p>
        </section>
        <VersionText content={comparison.content} extensions={extensions} label="Text with the changes marked" testId="compare-text" />
      </main>
    </>
  )
}

/** The change mark, knowing the comparison's people; one array per comparison, so the text's editor is built once. */
function useChangeMarks(people: HistoryPeople | null, now: Date): Extensions {
  return useMemo(
    () => [VersionChange.configure({ personOf: (id: string) => people?.[id], now })],
    [people, now],
  )
}
