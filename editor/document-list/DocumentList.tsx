/** The documents, as cards that open them. */
import { useState } from 'react'
import { Link } from 'react-router'
import type { DocumentSummary } from '../http/documents'
import { calendarDate, relativeTime } from './relative-time'

export function DocumentList({ documents }: { readonly documents: readonly DocumentSummary[] }) {
  // Read once per render of the list: "edited 5 minutes ago" need not tick while one looks at it.
  const [now] = useState(() => new Date())
  if (documents.length === 0) {
    return (
      <p className="document-list__empty" data-testid="document-list-empty">
        Nothing here yet. Start the first document above.
      </p>
    )
  }
  return (
    <ul className="document-list" data-testid="document-list">
      {documents.map((document) => (
        <li key={document.id}>
          <Link className="document-card" to={`/d/${encodeURIComponent(document.id)}`} data-testid="document-link">
            <span className="document-card__title">{document.title || 'Untitled document'}</span>
            <span className="document-card__meta">
              <span>
                Edited <time dateTime={document.updatedAt}>{relativeTime(document.updatedAt, now)}</time>
              </span>
              <span aria-hidden="true"> · </span>
              <span>
                Started <time dateTime={document.createdAt}>{calendarDate(document.createdAt)}</time>
              </span>
            </span>
            <svg className="document-card__arrow" width="18" height="18" viewBox="0 0 20 20" fill="none"
              stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d="M8 5l5 5-5 5" />
            </svg>
          </Link>
        </li>
      ))}
    </ul>
  )
}
