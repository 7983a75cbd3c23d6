/** One of a contributor's numbers, as the table and their own page show it. */
import type { ContributorRow } from './contributor-row'
import { ContributionTime } from './ContributionTime'
import type { NUMBER_COLUMNS } from './contributor-columns'
import { formatCount } from './counts'

interface ContributorValueProps {
  readonly column: (typeof NUMBER_COLUMNS)[number]
  readonly contributor: ContributorRow
  readonly now: Date
}

export function ContributorValue({ column, contributor, now }: ContributorValueProps) {
  return column.kind === 'count' ? (
    <>{formatCount(contributor[column.key])}</>
  ) : (
    <ContributionTime iso={contributor[column.key]} now={now} />
  )
}
