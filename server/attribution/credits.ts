/**
 * Per-section credits: under each heading placed directly in the document, the
 * people whose words are in that section now, most characters first.
 */
import type { Authorship } from './authorship'

export interface Credit {
  /** A user id, or null for the starter text. */
  person: string | null
  /** Characters of theirs in the section's current text. */
  characters: number
}

export interface SectionCredits {
  heading: string | null
  level: number | null
  credits: Credit[]
}

export function creditSections(authorship: Authorship): SectionCredits[] {
  const result: SectionCredits[] = []
  let rangeIndex = 0
  for (const section of authorship.sections) {
    const characters = new Map<string | null, number>()
    // Ranges and sections are both in text order, so one pass over the ranges serves every section.
    while (rangeIndex < authorship.ranges.length) {
      const range = authorship.ranges[rangeIndex]!
      if (range.from >= section.to) break
      const from = Math.max(range.from, section.from)
      const to = Math.min(range.to, section.to)
      if (to > from) characters.set(range.author, (characters.get(range.author) ?? 0) + to - from)
      if (range.to > section.to) break
      rangeIndex++
    }
    const credits = [...characters].map(([person, count]) => ({ person, characters: count }))
    credits.sort((a, b) => b.characters - a.characters)
    result.push({ heading: section.heading, level: section.level, credits })
  }
  return result
}
