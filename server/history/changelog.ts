/**
 * What changed up to a version since the named version before it (or since the start): who
 * edited, characters added and removed by each, and the decisions on suggestions made on the
 * way, with their reasons. Generated from the record, so it is the same for everyone who reads it.
 */
import type { Decision, ReviewRecord } from '../suggestions/review-model'
import type { ChangeSummary } from './change-marks'
import type { StoredVersion } from './version-model'

export interface Changelog {
  version: StoredVersion
  /** The named version it starts from; null: from the start. */
  since: StoredVersion | null
  changes: ChangeSummary
  /** Everyone whose edits the versions in between hold. */
  people: string[]
  decisions: Array<Decision & { proposed: ReviewRecord['suggestions'][string]['proposed'] | null }>
}

/** The versions a changelog covers: after the previous named one, up to and including `index`. */
export function changelogRange(versions: readonly StoredVersion[], index: number): { since: StoredVersion | null; covered: StoredVersion[] } {
  let start = index - 1
  while (start >= 0 && versions[start]!.name === null) start--
  return { since: start >= 0 ? versions[start]! : null, covered: versions.slice(start + 1, index + 1) }
}

export function changelog(version: StoredVersion, since: StoredVersion | null, covered: readonly StoredVersion[], changes: ChangeSummary, review: ReviewRecord): Changelog {
  const ids = new Set(covered.flatMap((entry) => entry.decisions))
  return {
    version,
    since,
    changes,
    people: [...new Set(covered.flatMap((entry) => entry.people))],
    decisions: review.decisions
      .filter((decision) => ids.has(decision.id))
      .map((decision) => ({ ...decision, proposed: review.suggestions[decision.suggestion]?.proposed ?? null })),
  }
}
