/**
 * The order of the contributors table: which column, which way, and what a click on a column
 * header changes it to.
 */
import { contributorName } from './contributor-name'
import type { ContributorRow } from './contributor-row'

/** The columns that count (characters, then suggestions), and those that hold a moment (ISO 8601, or null when never recorded). */
export type CountKey = 'surviving' | 'written' | 'deleted' | 'suggested' | 'accepted' | 'rejected'
export type DateKey = 'firstContribution' | 'lastContribution'
export type SortKey = 'person' | CountKey | DateKey
export type SortDirection = 'ascending' | 'descending'

export interface ContributorSort {
  readonly key: SortKey
  readonly direction: SortDirection
}

/** Whose words are in the document now is the question most readers come with. */
export const DEFAULT_SORT: ContributorSort = { key: 'surviving', direction: 'descending' }

/**
 * The way a column sorts on its first click: names A to Z; numbers largest first (who did the
 * most); the first contribution earliest first (who was here from the start); the last one most
 * recent first (who is active now).
 */
const FIRST_DIRECTION: Readonly<Record<SortKey, SortDirection>> = {
  person: 'ascending',
  surviving: 'descending',
  written: 'descending',
  deleted: 'descending',
  suggested: 'descending',
  accepted: 'descending',
  rejected: 'descending',
  firstContribution: 'ascending',
  lastContribution: 'descending',
}

/** The sort after a click on `key`'s header: its first direction, or the other way round if already sorted by it. */
export function nextSort(current: ContributorSort, key: SortKey): ContributorSort {
  if (current.key !== key) return { key, direction: FIRST_DIRECTION[key] }
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}

const names = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Missing values (a date the server never recorded; the starter text among names) go last whichever the direction. */
function compareBy(key: SortKey, a: ContributorRow, b: ContributorRow, sign: number): number {
  if (key === 'person') {
    if (a.person === null || b.person === null) return Number(a.person === null) - Number(b.person === null)
    return sign * names.compare(contributorName(a.person), contributorName(b.person))
  }
  if (isDateKey(key)) {
    const [x, y] = [a[key], b[key]]
    if (x === null || y === null) return Number(x === null) - Number(y === null)
    return sign * (Date.parse(x) - Date.parse(y))
  }
  return sign * (a[key] - b[key])
}

function isDateKey(key: SortKey): key is DateKey {
  return key === 'firstContribution' || key === 'lastContribution'
}

/** Equal rows keep a stable, meaningful order: most surviving, then by name. */
function tieBreak(a: ContributorRow, b: ContributorRow): number {
  return compareBy('surviving', a, b, -1) || compareBy('person', a, b, 1)
}

export function sortContributors(contributors: readonly ContributorRow[], sort: ContributorSort): ContributorRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1
  return [...contributors].sort((a, b) => compareBy(sort.key, a, b, sign) || tieBreak(a, b))
}
