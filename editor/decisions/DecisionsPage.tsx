/**
 * /d/:documentId/decisions: the public Decisions log. Every decision on a suggestion, newest
 * first, for anyone who may read the document; maintainers may reopen a rejected or superseded
 * suggestion from here. The same log is offered as an Atom feed.
 */
import { useId, useMemo, useState } from 'react'
import { useParams } from 'react-router'
import { usePageTitle } from '../app/use-page-title'
import { Breadcrumbs } from '../contributors/Breadcrumbs'
import { DocumentPagesHeader, documentTitle } from '../contributors/DocumentPagesHeader'
import { PageProblem } from '../contributors/PageProblem'
import type { DocumentRole } from '../http/documents'
import type { DecisionLogEntry } from '../http/suggestions'
import { DecisionEntry, decisionAnchor } from './DecisionEntry'
import { FeedLink } from './FeedLink'
import { ReopenControl } from './ReopenControl'
import { reopenableDecisions } from './reopenable'
import { useDecisions } from './use-decisions'
import { useLinkedDecision } from './use-linked-decision'
import '../contributors/contributors-page.css'
import './decisions.css'

const DECIDING_ROLES: ReadonlySet<DocumentRole> = new Set(['admin', 'maintainer'])

export function DecisionsPage() {
  const { documentId = '' } = useParams<{ documentId: string }>()
  // Keyed by the document: another document's log starts afresh.
  return <Decisions key={documentId} documentId={documentId} />
}

function Decisions({ documentId }: { readonly documentId: string }) {
  const { state, retry, refresh } = useDecisions(documentId)
  const [now, setNow] = useState(() => new Date())
  const [notice, setNotice] = useState('')
  const headingId = useId()
  const log = state.status === 'ready' ? state.data.log.decisions : null
  const reopenable = useMemo(() => reopenableDecisions(log ?? []), [log])
  const accepted = useMemo(() => acceptedDecisions(log ?? []), [log])
  const linked = useLinkedDecision(log !== null)
  usePageTitle(state.status === 'ready' ? `Decisions · ${documentTitle(state.data.document)}` : 'Decisions')
  if (state.status !== 'ready') {
    return <PageProblem documentId={documentId} problem={state} what="decisions" retry={retry} />
  }
  const { document, log: { decisions, people } } = state.data
  const title = documentTitle(document)
  const maintains = DECIDING_ROLES.has(document.role)
  const reopened = () => {
    setNotice('Reopened: the suggestion is pending in the document again.')
    setNow(new Date())
    refresh()
  }

  return (
    <>
      <DocumentPagesHeader document={document} current="decisions" />
      <main className="contributors-page decisions-page" data-testid="decisions-page">
        <Breadcrumbs documentId={document.id} documentTitle={title} page="decisions" />
        <section aria-labelledby={headingId}>
          <div className="decisions-page__top">
            <h2 id={headingId} className="contributors-page__heading">
              Decisions
            </h2>
            <FeedLink documentId={document.id} documentTitle={title} />
          </div>
          <p className="contributors-page__lead">
            Every decision on a suggestion to this document, newest first: what was accepted, rejected or reopened,
            who decided, and why. A suggestion is <em>superseded</em> when another one for the same text is accepted,
            and <em>withdrawn</em> when its author takes it back.
          </p>
          <p className="page-notice" role="status" data-testid="decisions-notice">
            {notice}
          </p>
          {decisions.length === 0 ? (
            <p className="contributors-page__empty" data-testid="no-decisions">
              No decisions yet. When a maintainer accepts or rejects a suggestion, it is listed here.
            </p>
          ) : (
            <ol className="decision-list" data-testid="decision-list">
              {decisions.map((entry) => (
                <DecisionEntry key={entry.id} documentId={document.id} entry={entry} people={people} now={now}
                  linked={linked === decisionAnchor(entry.id)}
                  acceptedInstead={entry.supersededBy === undefined ? undefined : accepted.get(entry.supersededBy)}>
                  {maintains && reopenable.has(entry.id) && (
                    <ReopenControl documentId={document.id} suggestionId={entry.suggestion.id} onReopened={reopened} />
                  )}
                </DecisionEntry>
              ))}
            </ol>
          )}
        </section>
      </main>
    </>
  )
}

/** For each accepted suggestion, its latest acceptance: where a superseded one points to. */
function acceptedDecisions(log: readonly DecisionLogEntry[]): ReadonlyMap<string, string> {
  const accepted = new Map<string, string>()
  for (const entry of log) {
    if (entry.action === 'accepted' && !accepted.has(entry.suggestion.id)) accepted.set(entry.suggestion.id, entry.id)
  }
  return accepted
}
