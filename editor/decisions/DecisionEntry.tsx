/**
 * One decision in the log: what was decided (a badge), by whom and when; the suggestion's words,
 * who proposed them and where; and the reason. Its id, `decision-<id>`, is where the Atom feed's
 * entries link to.
 */
import type { ReactNode } from 'react'
import { ContributionTime } from '../contributors/ContributionTime'
import { PersonLink } from '../contributors/PersonLink'
import { sectionName } from '../contributors/section-name'
import type { DecisionLogEntry, People } from '../http/suggestions'
import { StatusBadge } from './StatusBadge'
import { SuggestedChange } from './SuggestedChange'

interface DecisionEntryProps {
  readonly documentId: string
  readonly entry: DecisionLogEntry
  readonly people: People
  /** For a superseded suggestion: the decision that accepted the other one, when it is in the log. */
  readonly acceptedInstead: string | undefined
  /** The address points to it (the feed's link): it stands out. */
  readonly linked: boolean
  /** The Reopen control, for maintainers, on the decisions that can be undone. */
  readonly children?: ReactNode
  /** Read once by the page, so every time on it is measured from the same moment. */
  readonly now: Date
}

export function decisionAnchor(decisionId: string): string {
  return `decision-${decisionId}`
}

export function DecisionEntry({ documentId, entry, people, acceptedInstead, linked, children, now }: DecisionEntryProps) {
  const { suggestion } = entry
  const decider = <PersonLink documentId={documentId} person={people[entry.by]} />
  return (
    <li id={decisionAnchor(entry.id)} className={`decision${linked ? ' decision--linked' : ''}`} data-testid="decision" data-action={entry.action}
      data-suggestion={suggestion.id}>
      <p className="decision__verdict">
        <StatusBadge outcome={entry.action} />
        <span>
          {entry.action === 'superseded' ? (
            <>
              when {decider} accepted{' '}
              {acceptedInstead ? <a href={`#${decisionAnchor(acceptedInstead)}`}>another suggestion</a> : 'another suggestion'}{' '}
              for the same text
            </>
          ) : (
            <>by {decider}</>
          )}
          <span aria-hidden="true"> · </span>
          <ContributionTime iso={entry.at} now={now} />
        </span>
      </p>
      <SuggestedChange change={suggestion} />
      <p className="decision__proposal">
        Suggested by{' '}
        {suggestion.author === undefined ? 'someone' : <PersonLink documentId={documentId} person={people[suggestion.author]} />}
        {suggestion.section !== undefined && <> in “{sectionName(suggestion.section)}”</>}
        {suggestion.createdAt !== null && (
          <>
            <span aria-hidden="true"> · </span>
            <ContributionTime iso={suggestion.createdAt} now={now} />
          </>
        )}
      </p>
      <p className="decision__reason" data-testid="decision-reason">
        {entry.reason === null ? (
          <span className="decision__no-reason">No reason given</span>
        ) : (
          <>
            <span className="decision__reason-label">Reason: </span>
            {entry.reason}
          </>
        )}
      </p>
      {children}
    </li>
  )
}
