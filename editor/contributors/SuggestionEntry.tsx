/**
 * One of a person's suggestions: where it stands (a badge), where in the document and when it
 * was made, its words, what its author said about it, what became of it, and how many replied.
 */
import { StatusBadge } from '../decisions/StatusBadge'
import { SuggestedChange } from '../decisions/SuggestedChange'
import type { People, SuggestionRecord } from '../http/suggestions'
import { ContributionTime } from './ContributionTime'
import { sectionName } from './section-name'
import { SuggestionOutcome } from './SuggestionOutcome'

interface SuggestionEntryProps {
  readonly documentId: string
  readonly suggestion: SuggestionRecord
  readonly people: People
  readonly supersededBy: string | undefined
  readonly now: Date
}

export function SuggestionEntry({ documentId, suggestion, people, supersededBy, now }: SuggestionEntryProps) {
  const replies = suggestion.replies.length
  return (
    <li className="suggestion-entry" data-testid="suggestion" data-status={suggestion.status} data-suggestion={suggestion.id}>
      <p className="suggestion-entry__top">
        <StatusBadge outcome={suggestion.status} />
        <span>
          In “{sectionName(suggestion.section)}”
          {suggestion.createdAt !== null && (
            <>
              <span aria-hidden="true"> · </span>
              suggested <ContributionTime iso={suggestion.createdAt} now={now} />
            </>
          )}
        </span>
      </p>
      <SuggestedChange change={suggestion} />
      {suggestion.rationale !== null && (
        <p className="suggestion-entry__rationale" data-testid="rationale">
          <span className="suggestion-entry__label">Why: </span>
          {suggestion.rationale.text}
        </p>
      )}
      <SuggestionOutcome documentId={documentId} suggestion={suggestion} people={people} supersededBy={supersededBy} now={now} />
      {replies > 0 && (
        <p className="suggestion-entry__replies" data-testid="replies">
          {replies === 1 ? '1 reply' : `${replies.toLocaleString()} replies`}
        </p>
      )}
    </li>
  )
}
