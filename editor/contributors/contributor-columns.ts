/**
 * The contributors table's columns, in order. The person's own page shows the same numbers,
 * read from this list, so a column added here appears in both places.
 */
import type { CountKey, DateKey } from './contributor-sort'

/** `count`: a number (so far, of characters), right-aligned; `date`: a moment, shown as "3 days ago". */
export type ContributorColumn =
  | { readonly kind: 'person'; readonly key: 'person'; readonly label: string }
  | { readonly kind: 'count'; readonly key: CountKey; readonly label: string }
  | { readonly kind: 'date'; readonly key: DateKey; readonly label: string }

export const PERSON_COLUMN: ContributorColumn = { key: 'person', label: 'Person', kind: 'person' }

export const NUMBER_COLUMNS: readonly Exclude<ContributorColumn, { kind: 'person' }>[] = [
  { key: 'surviving', label: 'In the text now', kind: 'count' },
  { key: 'written', label: 'Written', kind: 'count' },
  { key: 'deleted', label: 'Deleted', kind: 'count' },
  // Suggestions go here, after the characters and before the dates, once the suggestions issue adds
  // them to the contributors API: three `count` columns, "Suggested", "Accepted" and "Rejected"
  // (suggestions made; of them, accepted and rejected). Each needs its name added to CountKey and to
  // FIRST_DIRECTION in contributor-sort.ts (descending, as for every count) and to Contributor in
  // http/attribution.ts. No other change: the table, the sort and the person's page read this list.
  // Until the API reports them there is nothing true to show, so no empty columns.
  { key: 'firstContribution', label: 'First contribution', kind: 'date' },
  { key: 'lastContribution', label: 'Last contribution', kind: 'date' },
]

export const CONTRIBUTOR_COLUMNS: readonly ContributorColumn[] = [PERSON_COLUMN, ...NUMBER_COLUMNS]
