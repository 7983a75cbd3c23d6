/**
 * What each person has done to a document, counted in characters of text:
 *   surviving  characters they wrote that are in the current text;
 *   written    characters they ever wrote (text carried by a split or a change of
 *              block type is counted once, for its original writer);
 *   deleted    characters of anyone's text that they deleted (not counting text
 *              that was only carried elsewhere);
 *   first and last contribution, writing or deleting.
 *
 * `written` and `deleted` read every item the document ever had (the server keeps
 * deleted items for history), so they cost one pass over the whole document.
 */
import * as Y from 'yjs'
import type { AttributionIndex } from './attribution-index'
import type { Authorship } from './authorship'
import type { RunList } from './runs'

export interface ContributorStats {
  /** A user id, or null for the starter text. */
  person: string | null
  surviving: number
  written: number
  deleted: number
  /** ms since 1970; null if nothing was recorded (text from before attribution). */
  firstContribution: number | null
  lastContribution: number | null
}

export function countContributions(doc: Y.Doc, index: AttributionIndex, authorship: Authorship): ContributorStats[] {
  const stats = new Map<string | null, ContributorStats>()
  const of = (person: string | null) => {
    let entry = stats.get(person)
    if (!entry) {
      entry = { person, surviving: 0, written: 0, deleted: 0, firstContribution: null, lastContribution: null }
      stats.set(person, entry)
    }
    return entry
  }
  for (const range of authorship.ranges) of(range.author).surviving += range.to - range.from
  for (const [client, structs] of doc.store.clients) {
    const insertions = index.insertionsOf(client)
    const deletions = index.deletionsOf(client)
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue
      const { clock } = struct.id
      const end = clock + struct.length
      countRuns(insertions, clock, end, (person, characters) => (of(person).written += characters))
      if (struct.deleted) countRuns(deletions, clock, end, (person, characters) => (of(person).deleted += characters))
    }
  }
  for (const [person, { first, last }] of index.activity()) {
    const entry = of(person)
    entry.firstContribution = first
    entry.lastContribution = last
  }
  return [...stats.values()].filter((entry) => entry.written + entry.deleted + entry.surviving > 0)
}

/** Counts characters in [start, end) per person, leaving out carried runs. */
function countRuns(list: RunList | undefined, start: number, end: number, add: (person: string | null, characters: number) => void): void {
  list?.forEach(start, end, (run, from, to) => {
    if (!run.carried) add(run.person, to - from)
  })
}
