/**
 * The public Decisions log of a document: every accept, reject, supersede, reopen and
 * withdrawal, newest first, with who, when, the suggestion's text and the reason. It is read
 * from the review record (review-model.ts); server/http/decisions.ts serves it as JSON for the
 * Decisions page and as an Atom feed, and says nothing of its own about what is in it.
 */
import type { Store } from '../storage/store'
import { reviewRecords, type Decision, type DecisionAction, type ProposedChange, type ReviewRecord } from './review-model'

export interface DecisionLogEntry extends Omit<Decision, 'suggestion'> {
  /** The suggestion decided on, with what it proposed as far as the record knows. */
  suggestion: { id: string } & Partial<ProposedChange>
}

/** The newest first: a log is read from the top. */
export function decisionLog(record: ReviewRecord): DecisionLogEntry[] {
  return record.decisions
    .map((decision) => ({ ...decision, suggestion: { id: decision.suggestion, ...record.suggestions[decision.suggestion]?.proposed } }))
    .reverse()
}

/** Reads a document's log as it is on disk. */
export async function readDecisionLog(store: Pick<Store, 'records'>, documentId: string): Promise<DecisionLogEntry[]> {
  return decisionLog(await store.records(reviewRecords).read(documentId))
}

/** Everyone the log names: who decided, and who proposed. */
export function peopleInLog(log: readonly DecisionLogEntry[]): Array<string | null> {
  return log.flatMap((entry) => [entry.by, entry.suggestion.author ?? null])
}

const VERBS: Record<DecisionAction, string> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  superseded: 'Superseded',
  reopened: 'Reopened',
  withdrawn: 'Withdrawn',
}

/** A decision told in words, for readers who see the log outside the app (the Atom feed). */
export interface DecisionStory {
  /** "Accepted", "Rejected", … */
  verb: string
  decider: string
  /** What the suggestion would change: "add “quietly ”", "change paragraph to heading". */
  change: string
  /** Who decided, who proposed what and where, and why: one line each. */
  lines: string[]
}

export function tellDecision(entry: DecisionLogEntry, nameOf: (id: string) => string): DecisionStory {
  const verb = VERBS[entry.action]
  const decider = nameOf(entry.by)
  const proposer = entry.suggestion.author ? nameOf(entry.suggestion.author) : 'someone'
  const change = describeChange(entry)
  const lines = [
    `${verb} by ${decider}.`,
    `Suggested by ${proposer}${entry.suggestion.section ? `, in “${entry.suggestion.section}”` : ''}: ${change}`,
    entry.reason ? `Reason: ${entry.reason}` : 'No reason given.',
  ]
  return { verb, decider, change, lines }
}

function describeChange({ suggestion }: DecisionLogEntry): string {
  const inserted = suggestion.inserted ? `add “${suggestion.inserted}”` : ''
  const deleted = suggestion.deleted ? `remove “${suggestion.deleted}”` : ''
  const words = [deleted, inserted].filter(Boolean).join(' and ')
  if (words) return words
  if (suggestion.retype) return `change ${suggestion.retype.from} to ${suggestion.retype.to}`
  if (suggestion.wrap) return suggestion.wrap === 'quote' ? 'quote' : `make a ${suggestion.wrap}`
  if (suggestion.unwrap) return suggestion.unwrap === 'quote' ? 'unquote' : `take out of the ${suggestion.unwrap}`
  if (suggestion.kinds?.includes('format')) return 'change formatting'
  if (suggestion.kinds?.includes('paragraph')) return 'change paragraph breaks'
  return 'a change'
}
