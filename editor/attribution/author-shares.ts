/**
 * Each author's share of the current text, for the legend: characters (a hard break counts
 * as one) and the fraction of all attributed characters, most first.
 */
import type { AuthoredRange } from './authored-ranges'

export interface AuthorShare {
  /** A user id; null for the starter text. */
  readonly person: string | null
  readonly characters: number
  /** Between 0 and 1. */
  readonly share: number
}

export function shareOfText(ranges: readonly AuthoredRange[]): AuthorShare[] {
  const characters = new Map<string | null, number>()
  let total = 0
  for (const range of ranges) {
    const count = range.to - range.from
    characters.set(range.person, (characters.get(range.person) ?? 0) + count)
    total += count
  }
  const shares = [...characters].map(([person, count]) => ({ person, characters: count, share: count / total }))
  return shares.sort((a, b) => b.characters - a.characters)
}
