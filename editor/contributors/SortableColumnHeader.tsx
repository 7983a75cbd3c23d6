/**
 * A column header of the contributors table: a button that sorts by the column, and, on the
 * sorted column, `aria-sort` and an arrow saying which way.
 */
import type { ContributorColumn } from './contributor-columns'
import type { ContributorSort, SortKey } from './contributor-sort'

interface SortableColumnHeaderProps {
  readonly column: ContributorColumn
  readonly sort: ContributorSort
  readonly onSort: (key: SortKey) => void
}

export function SortableColumnHeader({ column, sort, onSort }: SortableColumnHeaderProps) {
  const active = sort.key === column.key
  return (
    <th scope="col" className={`contributors-table__${column.kind}`} aria-sort={active ? sort.direction : undefined}>
      <button type="button" className="sort-button" data-testid={`sort-${column.key}`}
        onClick={() => onSort(column.key)}>
        {column.label}
        <SortArrow direction={active ? sort.direction : null} />
      </button>
    </th>
  )
}

/** Up for ascending, down for descending; on unsorted columns a faint pair that says "sortable". */
function SortArrow({ direction }: { readonly direction: ContributorSort['direction'] | null }) {
  return (
    <svg className={`sort-arrow${direction ? ' sort-arrow--active' : ''}`} width="12" height="12" viewBox="0 0 12 12"
      fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round"
      aria-hidden="true" focusable="false">
      {direction !== 'descending' && <path d="M3.5 5 6 2.5 8.5 5" />}
      {direction !== 'ascending' && <path d="M3.5 7 6 9.5 8.5 7" />}
      {direction !== null && <path d="M6 2.5v7" />}
    </svg>
  )
}
