/**
 * Which decisions a maintainer may undo from the log: the latest decision on a suggestion, when
 * it took the suggestion out without it being accepted (rejected, or superseded by another).
 * The server's rule (suggestion_not_reopenable otherwise); here it only decides where the button goes.
 */
import type { DecisionLogEntry } from '../http/suggestions'

const REOPENABLE: ReadonlySet<DecisionLogEntry['action']> = new Set(['rejected', 'superseded'])

/** The ids of those decisions, given the log newest first. */
export function reopenableDecisions(log: readonly DecisionLogEntry[]): ReadonlySet<string> {
  const seen = new Set<string>()
  const reopenable = new Set<string>()
  for (const entry of log) {
    if (seen.has(entry.suggestion.id)) continue
    seen.add(entry.suggestion.id)
    if (REOPENABLE.has(entry.action)) reopenable.add(entry.id)
  }
  return reopenable
}
