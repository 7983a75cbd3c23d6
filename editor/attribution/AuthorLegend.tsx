/**
 * Who wrote the text as it stands: a swatch in each author's colour, their name and their
 * share of the characters, most first. A labelled region with a list, so a screen reader
 * can find it by its heading and hear how many authors there are.
 */
import { type CSSProperties, useId } from 'react'
import type { AuthorshipSnapshot, LegendEntry } from './authorship-tracker'
import './authors.css'

interface AuthorLegendProps {
  readonly snapshot: AuthorshipSnapshot
  readonly onRetry: () => void
}

export function AuthorLegend({ snapshot, onRetry }: AuthorLegendProps) {
  const headingId = useId()
  const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 })
  return (
    <aside className="author-legend" aria-labelledby={headingId} data-testid="author-legend" data-status={snapshot.status}>
      <h2 id={headingId} className="author-legend__heading">
        Authors
      </h2>
      {snapshot.status === 'loading' && <p className="author-legend__note">Finding out who wrote what…</p>}
      {snapshot.status === 'failed' && (
        <p className="author-legend__note">
          Could not load who wrote what.{' '}
          <button type="button" className="author-legend__retry" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
      {snapshot.status === 'ready' && snapshot.legend.length === 0 && <p className="author-legend__note">Nobody has written anything yet.</p>}
      {snapshot.legend.length > 0 && (
        <ul className="author-legend__list">
          {snapshot.legend.map((entry) => (
            <AuthorEntry key={entry.author.id ?? 'starter-text'} entry={entry} percent={percent} />
          ))}
        </ul>
      )}
    </aside>
  )
}

function AuthorEntry({ entry, percent }: { readonly entry: LegendEntry; readonly percent: Intl.NumberFormat }) {
  const { author, share } = entry
  // Under half a percent would round to "0%", which reads as "none".
  const shown = share > 0 && share < 0.005 ? `<${percent.format(0.01)}` : percent.format(share)
  return (
    <li
      className="author-legend__entry"
      style={{ '--author-color': author.color } as CSSProperties}
      data-testid="author-legend-entry"
      data-author={author.id ?? 'starter-text'}
    >
      <span className="author-legend__swatch" aria-hidden="true" />
      <span className="author-legend__name">{author.name}</span>
      <span className="author-legend__share">
        {shown}
        <span className="visually-hidden"> of the text</span>
      </span>
    </li>
  )
}
