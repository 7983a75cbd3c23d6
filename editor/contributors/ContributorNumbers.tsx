/** A person's numbers on their own page: the same columns, in the same order, as their row in the table. */
import type { ContributorRow } from './contributor-row'
import { ContributorValue } from './ContributorValue'
import { NUMBER_COLUMNS } from './contributor-columns'

interface ContributorNumbersProps {
  readonly contributor: ContributorRow
  readonly now: Date
}

export function ContributorNumbers({ contributor, now }: ContributorNumbersProps) {
  return (
    <dl className="contributor-numbers" data-testid="contributor-numbers">
      {NUMBER_COLUMNS.map((column) => (
        <div key={column.key} data-column={column.key}
          className={`contributor-number contributor-number--${column.kind}`}>
          <dt>{column.label}</dt>
          <dd>
            <ContributorValue column={column} contributor={contributor} now={now} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
