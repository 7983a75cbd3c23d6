/**
 * What the server keeps about each suggestion beyond the document itself: what its author
 * said about it, the replies, and every decision. The document holds a suggestion only while
 * it is pending; this record is what lets everyone see, afterwards, what became of it.
 */
import type { SuggestionSummary } from '../../model/schema/suggestion-list'

/** accepted, rejected, superseded (another was accepted over it), reopened, withdrawn (by its author). */
export type DecisionAction = 'accepted' | 'rejected' | 'superseded' | 'reopened' | 'withdrawn'

export interface Decision {
  id: string
  suggestion: string
  action: DecisionAction
  /** The user id of who decided. */
  by: string
  /** Milliseconds since 1970, from the server's clock. */
  at: number
  reason: string | null
  /** For a superseded suggestion: the one accepted over it. */
  supersededBy?: string
}

/** What a suggestion proposed, as the document showed it when it was last decided on. */
export type ProposedChange = Pick<SuggestionSummary, 'author' | 'createdAt' | 'kinds' | 'inserted' | 'deleted' | 'section' | 'retype' | 'wrap' | 'unwrap'>

export interface Reply {
  id: string
  author: string
  at: number
  text: string
}

/** A run of Yjs items: [client, clock, length]. */
export type ItemRun = [client: number, clock: number, length: number]

export interface SuggestionRecord {
  proposed?: ProposedChange
  rationale?: { text: string; at: number }
  replies: Reply[]
  /** The change that took it out of the document when it was rejected or superseded (base64), for reopening. */
  removal?: string
  /** The items of the text it added, once accepted: what still survives of them is its share of the text. */
  acceptedText?: ItemRun[]
}

export interface ReviewRecord {
  version: 1
  suggestions: Record<string, SuggestionRecord>
  /** Every decision, oldest first. */
  decisions: Decision[]
}

export function emptyReview(): ReviewRecord {
  return { version: 1, suggestions: {}, decisions: [] }
}
