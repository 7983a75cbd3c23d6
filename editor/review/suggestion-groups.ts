/**
 * Pending suggestions as the review panel lists them: filtered by author and section, in
 * document order, with suggestions that compete for the same text grouped side by side.
 */
import type { SuggestionSummary } from '../../model/schema/suggestion-list'

export interface ReviewFilter {
  /** A user id, or null for everyone. */
  readonly author: string | null
  /** A section heading; undefined for every section, null for the opening before the first heading. */
  readonly section: string | null | undefined
}

export const NO_FILTER: ReviewFilter = { author: null, section: undefined }

export function matches(suggestion: SuggestionSummary, filter: ReviewFilter): boolean {
  return (filter.author === null || suggestion.author === filter.author) && (filter.section === undefined || suggestion.section === filter.section)
}

/**
 * Groups of competing suggestions (each group connected through `competing`), in the order of
 * their first member. A group is shown whole if any of its members passes the filter, so a
 * maintainer always sees the alternatives before choosing one.
 */
export function competingGroups(pending: readonly SuggestionSummary[], filter: ReviewFilter): SuggestionSummary[][] {
  const byId = new Map(pending.map((suggestion) => [suggestion.id, suggestion]))
  const placed = new Set<string>()
  const groups: SuggestionSummary[][] = []
  for (const suggestion of [...pending].sort((a, b) => a.from - b.from)) {
    if (placed.has(suggestion.id)) continue
    const group: SuggestionSummary[] = []
    const waiting = [suggestion]
    while (waiting.length > 0) {
      const next = waiting.pop()!
      if (placed.has(next.id)) continue
      placed.add(next.id)
      group.push(next)
      for (const id of next.competing) {
        const other = byId.get(id)
        if (other && !placed.has(id)) waiting.push(other)
      }
    }
    if (group.some((member) => matches(member, filter))) groups.push(group.sort((a, b) => a.createdAt - b.createdAt))
  }
  return groups
}

/** The sections that have pending suggestions, in document order. */
export function sectionsOf(pending: readonly SuggestionSummary[]): Array<string | null> {
  return [...new Set([...pending].sort((a, b) => a.from - b.from).map((suggestion) => suggestion.section))]
}

/** Ids of the suggestions that touch the range [from, to]. */
export function idsWithin(pending: readonly SuggestionSummary[], from: number, to: number): string[] {
  return pending.filter((suggestion) => suggestion.from < to && suggestion.to > from).map((suggestion) => suggestion.id)
}
