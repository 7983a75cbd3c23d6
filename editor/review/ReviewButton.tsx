/** "Suggestions" in the document header: shows or hides the review panel, with how many are waiting. */
import { useHeaderControl } from '../attribution/HeaderControl'
import { ReviewIcon } from '../ui/icons'

interface ReviewButtonProps {
  readonly open: boolean
  readonly count: number
  readonly onChange: (open: boolean) => void
}

export function ReviewButton({ open, count, onChange }: ReviewButtonProps) {
  const { triggerProps, content, tooltip } = useHeaderControl('Suggestions', <ReviewIcon />)
  return (
    <>
      <button type="button" className="header-control" aria-pressed={open} aria-label={`Suggestions, ${count} waiting`} onClick={() => onChange(!open)} data-testid="review-button" {...triggerProps}>
        {content}
        {count > 0 && <span className="review-button__count" aria-hidden="true">{count}</span>}
      </button>
      {tooltip}
    </>
  )
}
