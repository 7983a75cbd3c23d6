/** One decision in a sentence on a person's page: "Rejected by Mara · 2 days ago", and the reason under it. */
import type { ReactNode } from 'react'
import type { Decision, People } from '../http/suggestions'
import { ContributionTime } from './ContributionTime'
import { PersonLink } from './PersonLink'

interface DecisionLineProps {
  readonly documentId: string
  readonly decision: Decision
  readonly people: People
  /** What happened, up to the person: "Rejected", "Superseded by Dan’s suggestion, accepted". */
  readonly verb: ReactNode
  readonly now: Date
}

export function DecisionLine({ documentId, decision, people, verb, now }: DecisionLineProps) {
  return (
    <>
      <p className="suggestion-entry__decision" data-testid="decided">
        {verb} by <PersonLink documentId={documentId} person={people[decision.by]} />
        <span aria-hidden="true"> · </span>
        <ContributionTime iso={decision.at} now={now} />
      </p>
      {decision.reason !== null && (
        <p className="suggestion-entry__reason" data-testid="decision-reason">
          <span className="suggestion-entry__label">Reason: </span>
          {decision.reason}
        </p>
      )}
    </>
  )
}
