/** When something was written, as people say it ("3 days ago"), with the exact moment for machines and on hover. */
import { relativeTime } from '../document-list/relative-time'

interface ContributionTimeProps {
  /** ISO 8601, or null for text from before the server recorded times. */
  readonly iso: string | null
  /** Read once by the page, so every time on it is measured from the same moment. */
  readonly now: Date
}

export function ContributionTime({ iso, now }: ContributionTimeProps) {
  if (iso === null) {
    return (
      <span className="contribution-time contribution-time--unknown">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">not recorded</span>
      </span>
    )
  }
  return (
    <time className="contribution-time" dateTime={iso} title={new Date(iso).toLocaleString()}>
      {relativeTime(iso, now)}
    </time>
  )
}
