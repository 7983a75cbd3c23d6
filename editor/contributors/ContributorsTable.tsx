/**
 * Everyone who wrote or deleted in the document, one row each, sortable by any column.
 *
 * On narrow screens the table scrolls sideways inside its frame, with the names pinned at the
 * left, rather than squeezing six columns into 375 px. The frame is a focusable, labelled region
 * so that keyboard users can scroll it too.
 */
import { useId, useMemo, useState } from 'react'
import type { ContributorRow } from './contributor-row'
import { ContributorLabel } from './ContributorLabel'
import { ContributorValue } from './ContributorValue'
import { SortableColumnHeader } from './SortableColumnHeader'
import { CONTRIBUTOR_COLUMNS, NUMBER_COLUMNS } from './contributor-columns'
import { type ContributorSort, DEFAULT_SORT, nextSort, type SortKey, sortContributors } from './contributor-sort'
import './contributors-table.css'

interface ContributorsTableProps {
  readonly documentId: string
  readonly documentTitle: string
  readonly contributors: readonly ContributorRow[]
  /** Read once by the page: times need not tick while one reads the table. */
  readonly now: Date
}

export function ContributorsTable({ documentId, documentTitle, contributors, now }: ContributorsTableProps) {
  const [sort, setSort] = useState<ContributorSort>(DEFAULT_SORT)
  const rows = useMemo(() => sortContributors(contributors, sort), [contributors, sort])
  const captionId = useId()
  const sortedBy = CONTRIBUTOR_COLUMNS.find((column) => column.key === sort.key)?.label ?? ''
  const onSort = (key: SortKey) => setSort((current) => nextSort(current, key))

  return (
    <div className="contributors-table__frame" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="contributors-table" data-testid="contributors-table">
        {/* The sort is in the caption too: screen readers announce a changed caption more reliably than aria-sort. */}
        <caption id={captionId} className="visually-hidden">
          Contributors to {documentTitle}, sorted by {sortedBy}, {sort.direction}
        </caption>
        <thead>
          <tr>
            {CONTRIBUTOR_COLUMNS.map((column) => (
              <SortableColumnHeader key={column.key} column={column} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((contributor) => (
            <tr key={contributor.person?.id ?? 'starter-text'} data-testid="contributor-row"
              data-person={contributor.person?.username ?? 'starter-text'}>
              <th scope="row" className="contributors-table__person">
                <ContributorLabel documentId={documentId} person={contributor.person} withUsername />
              </th>
              {NUMBER_COLUMNS.map((column) => (
                <td key={column.key} className={`contributors-table__${column.kind}`} data-column={column.key}>
                  <ContributorValue column={column} contributor={contributor} now={now} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
