/**
 * The contributors table's columns, in order. The person's own page shows the same numbers,
 * read from this list, so a column added here appears in both places.
 */
import type { CountKey, DateKey } from './contributor-sort'

/** `count`: a number (of characters, or of suggestions), right-aligned; `date`: a moment, shown as "3 days ago". */
export type ContributorColumn =
  | { readonly kind: 'person'; readonly key: 'person'; readonly label: string }
  | { readonly kind: 'count'; readonly key: CountKey; readonly label: string }
  | { readonly kind: 'date'; readonly key: DateKey; readonly label: string }

export const PERSON_COLUMN: ContributorColumn = { key: 'person', label: 'Person', kind: 'person' }

export const NUMBER_COLUMNS: readonly Exclude<ContributorColumn, { kind: 'person' }>[] = [
  { key: 'surviving', label: 'In the text now', kind: 'count' },
  { key: 'written', label: 'Written', kind: 'count' },
  { key: 'deleted', label: 'Deleted', kind: 'count' },
  // Suggestions made, and of them how many were accepted and rejected (the rest are pending,
  // superseded or withdrawn), counted in suggestions rather than characters.
  { key: 'suggested', label: 'Suggested', kind: 'count' },
  { key: 'accepted', label: 'Accepted', kind: 'count' },
  { key: 'rejected', label: 'Rejected', kind: 'count' },
  { key: 'firstContribution', label: 'First contribution', kind: 'date' },
  { key: 'lastContribution', label: 'Last contribution', kind: 'date' },
]

export const CONTRIBUTOR_COLUMNS: readonly ContributorColumn[] = [PERSON_COLUMN, ...NUMBER_COLUMNS]
