/** The choices of the status filter on a person's suggestions: all, or one status, with how many each holds. */
import { SUGGESTION_STATUSES, type SuggestionRecord, type SuggestionStatus } from '../http/suggestions'

export type StatusChoice = 'all' | SuggestionStatus

export interface StatusOption {
  readonly choice: StatusChoice
  readonly count: number
}

/** "All", then each status that some suggestion has, in the order a suggestion goes through them. */
export function statusOptions(suggestions: readonly SuggestionRecord[]): StatusOption[] {
  const options: StatusOption[] = [{ choice: 'all', count: suggestions.length }]
  for (const status of SUGGESTION_STATUSES) {
    const count = suggestions.filter((suggestion) => suggestion.status === status).length
    if (count > 0) options.push({ choice: status, count })
  }
  return options
}

export function withStatus(suggestions: readonly SuggestionRecord[], choice: StatusChoice): readonly SuggestionRecord[] {
  return choice === 'all' ? suggestions : suggestions.filter((suggestion) => suggestion.status === choice)
}
