/**
 * Every suggestion of a document with its status, as the review panel, the Decisions log
 * and each person's contributions show it:
 *
 *   pending     in the document now, waiting for a maintainer
 *   accepted    part of the text; with how much of it survives and who edited it since
 *   rejected    with the reason
 *   superseded  another suggestion for the same text was accepted
 *   withdrawn   its author took it back
 *
 * Pending suggestions are read from the live document; the rest from the review record.
 */
import type { SuggestionSummary } from '../../model/schema/suggestion-list'
import type { AttributionIndex } from '../attribution/attribution-index'
import type { Decision, ProposedChange, ReviewRecord } from './review-model'
import type { ReviewState } from './review'
import { survivalOf, type Survival } from './surviving-text'

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'rejected', 'superseded', 'withdrawn'] as const
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]

export interface SuggestionView extends ProposedChange {
  id: string
  status: SuggestionStatus
  /** Pending suggestions only: where it is in the document, and which others compete with it. */
  from: number | null
  to: number | null
  competing: string[]
  rationale: { text: string; at: number } | null
  replies: ReviewRecord['suggestions'][string]['replies']
  /** Every decision on it, oldest first. */
  decisions: Decision[]
  /** Accepted suggestions only. */
  survival: Survival | null
}

/** `attribution` is the live document's: how much of each accepted suggestion survives, and who edited it since. */
export function suggestionViews({ pending, record, room }: ReviewState, attribution: AttributionIndex): SuggestionView[] {
  const views = pending.map((suggestion) => pendingView(suggestion, record))
  const live = new Set(pending.map((suggestion) => suggestion.id))
  for (const [id, stored] of Object.entries(record.suggestions)) {
    if (live.has(id) || !stored.proposed) continue
    const decisions = decisionsOf(record, id)
    const status = settledStatus(decisions.at(-1))
    views.push({
      id,
      status,
      ...stored.proposed,
      from: null,
      to: null,
      competing: [],
      rationale: stored.rationale ?? null,
      replies: stored.replies,
      decisions,
      survival: status === 'accepted' && stored.acceptedText ? survivalOf(room.doc, attribution, stored.acceptedText) : null,
    })
  }
  return views.sort((a, b) => a.createdAt - b.createdAt)
}

function pendingView(suggestion: SuggestionSummary, record: ReviewRecord): SuggestionView {
  const stored = record.suggestions[suggestion.id]
  return {
    ...suggestion,
    status: 'pending',
    rationale: stored?.rationale ?? null,
    replies: stored?.replies ?? [],
    decisions: decisionsOf(record, suggestion.id),
    survival: null,
  }
}

/** Not in the document: its last decision says why. Reopened and never decided again means its author took it out. */
function settledStatus(last: Decision | undefined): SuggestionStatus {
  switch (last?.action) {
    case 'accepted':
    case 'rejected':
    case 'superseded':
    case 'withdrawn':
      return last.action
    default:
      return 'withdrawn'
  }
}

function decisionsOf(record: ReviewRecord, id: string): Decision[] {
  return record.decisions.filter((decision) => decision.suggestion === id)
}
