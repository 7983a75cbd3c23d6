/** One person's passages, grouped under the section headings they stand in. */
import type { Passage } from '../http/attribution'

export interface PassageGroup {
  /** The section's heading; null for the opening, before the first heading. */
  readonly section: string | null
  readonly passages: readonly Passage[]
}

/**
 * Groups runs of neighbouring passages that share a section, keeping document order. Runs, not
 * one group per heading text: two sections may have the same heading ("Notes"), and merging
 * them would put text from far apart under one heading, out of order.
 */
export function groupBySection(passages: readonly Passage[]): PassageGroup[] {
  const groups: Array<{ section: string | null; passages: Passage[] }> = []
  for (const passage of [...passages].sort((a, b) => a.from - b.from)) {
    const last = groups.at(-1)
    if (last && last.section === passage.section) last.passages.push(passage)
    else groups.push({ section: passage.section, passages: [passage] })
  }
  return groups
}
