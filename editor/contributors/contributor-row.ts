/**
 * A contributor as the table and their page show them: the server's numbers for their writing,
 * and their suggestions counted from the suggestions list. Someone who has suggested but whose
 * words are not (yet) counted as writing still gets a row, with no characters.
 */
import type { Contributor } from '../http/attribution'
import type { People, SuggestionRecord } from '../http/suggestions'

export interface SuggestionCounts {
  /** Every suggestion they made, whatever became of it. */
  readonly suggested: number
  readonly accepted: number
  readonly rejected: number
}

export type ContributorRow = Contributor & SuggestionCounts

const NONE: SuggestionCounts = { suggested: 0, accepted: 0, rejected: 0 }

/** Counts by author (a user id). */
export function countSuggestions(suggestions: readonly SuggestionRecord[]): ReadonlyMap<string, SuggestionCounts> {
  const counts = new Map<string, SuggestionCounts>()
  for (const { author, status } of suggestions) {
    const current = counts.get(author) ?? NONE
    counts.set(author, {
      suggested: current.suggested + 1,
      accepted: current.accepted + Number(status === 'accepted'),
      rejected: current.rejected + Number(status === 'rejected'),
    })
  }
  return counts
}

export function contributorRows(
  contributors: readonly Contributor[],
  suggestions: readonly SuggestionRecord[],
  people: People,
): ContributorRow[] {
  const counts = countSuggestions(suggestions)
  const rows: ContributorRow[] = contributors.map((contributor) => withCounts(contributor, counts))
  const listed = new Set(contributors.map((contributor) => contributor.person?.id))
  for (const author of counts.keys()) {
    const person = people[author]
    if (listed.has(author) || person === undefined) continue
    rows.push(withCounts({ person, surviving: 0, written: 0, deleted: 0, firstContribution: null, lastContribution: null }, counts))
  }
  return rows
}

export function withCounts(contributor: Contributor, counts: ReadonlyMap<string, SuggestionCounts>): ContributorRow {
  return { ...contributor, ...((contributor.person && counts.get(contributor.person.id)) || NONE) }
}
