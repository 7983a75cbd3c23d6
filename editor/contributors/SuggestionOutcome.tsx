/**
 * What became of one suggestion, in words: who accepted, rejected or reopened it and why; for an
 * accepted one, how much of it survives; for a superseded one, whose suggestion won; for a
 * pending one, the way to it in the document.
 */
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { People, SuggestionRecord } from '../http/suggestions'
import { DecisionLine } from './DecisionLine'
import { suggestionInDocumentPath } from './paths'
import { PersonLink } from './PersonLink'
import { SurvivingText } from './SurvivingText'

interface SuggestionOutcomeProps {
  readonly documentId: string
  readonly suggestion: SuggestionRecord
  readonly people: People
  /** For a superseded suggestion: who wrote the one accepted over it, when known. */
  readonly supersededBy: string | undefined
  readonly now: Date
}

export function SuggestionOutcome({ documentId, suggestion, people, supersededBy, now }: SuggestionOutcomeProps) {
  const last = suggestion.decisions.at(-1)
  const line = (verb: ReactNode) =>
    last && <DecisionLine documentId={documentId} decision={last} people={people} verb={verb} now={now} />

  switch (suggestion.status) {
    case 'pending':
      return (
        <>
          {last?.action === 'reopened' && line('Reopened')}
          <p className="suggestion-entry__next">
            Waiting for a maintainer’s decision.{' '}
            <Link to={suggestionInDocumentPath(documentId, suggestion.id)} data-testid="open-suggestion">
              See it in the document
            </Link>
          </p>
        </>
      )
    case 'accepted':
      return (
        <>
          {line('Accepted')}
          {suggestion.survival !== null && suggestion.survival.of > 0 && (
            <SurvivingText documentId={documentId} survival={suggestion.survival} people={people} />
          )}
        </>
      )
    case 'rejected':
      return (
        <>
          {line('Rejected')}
          {last?.reason === null && <p className="suggestion-entry__reason suggestion-entry__reason--none">No reason given</p>}
        </>
      )
    case 'superseded': {
      const winner = supersededBy === undefined ? undefined : people[supersededBy]
      const whose = winner ? <><PersonLink documentId={documentId} person={winner} />’s suggestion</> : 'another suggestion'
      return line(<>Superseded by {whose}, accepted</>)
    }
    case 'withdrawn':
      // Taken out by its author after being reopened leaves "reopened" as the last decision.
      return last?.action === 'withdrawn' ? line('Withdrawn') : <p className="suggestion-entry__decision">Withdrawn by its author</p>
  }
}
