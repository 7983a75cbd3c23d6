/**
 * What the server keeps about each suggestion beyond the document itself: what its author
 * said about it, the replies, and every decision. The document holds a suggestion only while
 * it is pending; this record is what lets everyone see, afterwards, what became of it.
 */
import { z } from 'zod'
import type { SuggestionSummary } from '../../model/schema/suggestion-list'
import { checkedWith, type RecordKind } from '../storage/record-kind'

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

/**
 * Each document's review record, in storage. Named "reviews": the file store keeps these in
 * DATA_DIR/reviews/, where earlier releases put them. What a suggestion proposed is not
 * checked further: its fields grew (retype, wrap, unwrap) while records kept the older shape.
 */
export const reviewRecords: RecordKind<ReviewRecord> = {
  name: 'reviews',
  empty: () => ({ version: 1, suggestions: {}, decisions: [] }),
  parse: checkedWith(
    'review',
    z.looseObject({
      version: z.literal(1),
      suggestions: z.record(z.string(), z.looseObject({ replies: z.array(z.looseObject({})) })),
      decisions: z.array(z.looseObject({ id: z.string(), suggestion: z.string(), action: z.string() })),
    }),
  ),
}
