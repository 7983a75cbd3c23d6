/**
 * Credits per section of the live text, as the server counts them (server/attribution/credits.ts):
 * a section is a heading placed directly in the document and everything up to the next one;
 * its credits are the people whose characters are in it now, most characters first. A hard
 * break counts as one character, as it does in the server's plain text.
 *
 * The opening before the first heading has no heading to hang a credits line from, so it is
 * left out here.
 */
import type { AuthoredRange } from './authored-ranges'
import type { SectionHeading } from './written-spans'

export interface Credit {
  /** A user id; null for the starter text. */
  readonly person: string | null
  readonly characters: number
}

export interface SectionCredits {
  /** Where the credits line goes: right after the section's heading. */
  readonly at: number
  readonly credits: readonly Credit[]
}

/** `ranges` and `headings` in document order, as readWrittenText and attributeSpans give them. */
export function creditSections(ranges: readonly AuthoredRange[], headings: readonly SectionHeading[]): SectionCredits[] {
  const result: SectionCredits[] = []
  let rangeIndex = 0
  headings.forEach((heading, headingIndex) => {
    const end = headings[headingIndex + 1]?.from ?? Number.POSITIVE_INFINITY
    const characters = new Map<string | null, number>()
    // Ranges before this section belong to the opening, which gets no line.
    while (rangeIndex < ranges.length && ranges[rangeIndex]!.to <= heading.from) rangeIndex++
    for (let i = rangeIndex; i < ranges.length && ranges[i]!.from < end; i++) {
      const range = ranges[i]!
      const count = Math.min(range.to, end) - Math.max(range.from, heading.from)
      if (count > 0) characters.set(range.person, (characters.get(range.person) ?? 0) + count)
    }
    const credits = [...characters].map(([person, count]) => ({ person, characters: count }))
    credits.sort((a, b) => b.characters - a.characters)
    result.push({ at: heading.to, credits })
  })
  return result
}
