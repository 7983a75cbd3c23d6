/**
 * The words for what happened to a suggestion: a decision's action ("Reopened") on the Decisions
 * log, or where a suggestion stands now ("Pending") on a person's contributions.
 */
import type { Decision, SuggestionStatus } from '../http/suggestions'

export type Outcome = SuggestionStatus | Decision['action']

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  pending: 'Pending',
  accepted: 'Accepted',
  rejected: 'Rejected',
  superseded: 'Superseded',
  reopened: 'Reopened',
  withdrawn: 'Withdrawn',
}
