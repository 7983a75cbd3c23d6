/**
 * Every suggestion a person made in the document, newest first, with what became of each; a
 * row of buttons narrows the list to one status.
 */
import { useId, useState } from 'react'
import { OUTCOME_LABELS } from '../decisions/statuses'
import type { People, SuggestionRecord } from '../http/suggestions'
import { formatCount } from './counts'
import { type StatusChoice, statusOptions, withStatus } from './status-filter'
import { SuggestionEntry } from './SuggestionEntry'
import './suggestion-history.css'

interface SuggestionHistoryProps {
  readonly documentId: string
  /** Their name, for the empty state. */
  readonly name: string
  readonly suggestions: readonly SuggestionRecord[]
  readonly people: People
  readonly supersededBy: ReadonlyMap<string, string>
  readonly now: Date
}

export function SuggestionHistory({ documentId, name, suggestions, people, supersededBy, now }: SuggestionHistoryProps) {
  const [choice, setChoice] = useState<StatusChoice>('all')
  const headingId = useId()
  const options = statusOptions(suggestions)
  const shown = withStatus(suggestions, choice)

  return (
    <section aria-labelledby={headingId} className="suggestion-history" data-testid="suggestion-history">
      <h3 id={headingId} className="contributors-page__subheading">
        Suggestions
      </h3>
      {suggestions.length === 0 ? (
        <p className="contributors-page__empty" data-testid="no-suggestions">
          {name} hasn’t made any suggestions in this document.
        </p>
      ) : (
        <>
          {/* One status at a time, or all: buttons that stay pressed, since the choice is a state, not a place. */}
          <div className="status-filter" role="group" aria-label="Show suggestions">
            {options.map((option) => (
              <button key={option.choice} type="button" className="status-filter__option"
                aria-pressed={choice === option.choice} onClick={() => setChoice(option.choice)}
                data-testid={`status-filter-${option.choice}`}>
                {option.choice === 'all' ? 'All' : OUTCOME_LABELS[option.choice]}
                <span className="status-filter__count">{formatCount(option.count)}</span>
              </button>
            ))}
          </div>
          <ol className="suggestion-history__list">
            {shown.map((suggestion) => (
              <SuggestionEntry key={suggestion.id} documentId={documentId} suggestion={suggestion} people={people}
                supersededBy={supersededBy.get(suggestion.id)} now={now} />
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
