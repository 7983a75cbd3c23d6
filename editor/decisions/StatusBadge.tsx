/** A decision or a suggestion's status as a badge: the word, on a tint that tells them apart at a glance. */
import { OUTCOME_LABELS, type Outcome } from './statuses'
import './status-badge.css'

export function StatusBadge({ outcome }: { readonly outcome: Outcome }) {
  return (
    <span className={`status-badge status-badge--${outcome}`} data-testid="status-badge" data-outcome={outcome}>
      {OUTCOME_LABELS[outcome]}
    </span>
  )
}
