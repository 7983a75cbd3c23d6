/** The documents, as cards that open them, each saying who may read it and what the caller may do. */
import { useState } from 'react'
import { Link } from 'react-router'
import { ROLE_NAMES } from '../access/roles'
import type { DocumentSummary } from '../http/documents'
import { LockIcon } from '../ui/icons'
import { calendarDate, relativeTime } from './relative-time'

interface DocumentListProps {
  readonly documents: readonly DocumentSummary[]
  /** What to say when there are none; it depends on whether the person could start one. */
  readonly emptyText: string
}

export function DocumentList({ documents, emptyText }: DocumentListProps) {
  // Read once per render of the list: "edited 5 minutes ago" need not tick while one looks at it.
  const [now] = useState(() => new Date())
  if (documents.length === 0) {
    return (
      <p className="document-list__empty" data-testid="document-list-empty">
        {emptyText}
      </p>
    )
  }
  return (
    <ul className="document-list" data-testid="document-list">
      {documents.map((document) => (
        <li key={document.id}>
          <Link className="document-card" to={`/d/${encodeURIComponent(document.id)}`} data-testid="document-link"
            data-visibility={document.visibility} data-role={document.role}>
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
            <DocumentTags document={document} />
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

/** "Members only" and the caller's role; readers see no role tag, since reading is what everyone here may do. */
function DocumentTags({ document }: { readonly document: DocumentSummary }) {
  const membersOnly = document.visibility === 'members'
  const showRole = document.role !== 'reader'
  if (!membersOnly && !showRole) return null
  return (
    <span className="document-card__tags">
      {membersOnly && (
        <span className="tag" data-testid="members-only-tag">
          <LockIcon />
          Members only
        </span>
      )}
      {showRole && (
        <span className="tag tag--accent" data-testid="role-tag">
          <span className="visually-hidden">Your role: </span>
          {ROLE_NAMES[document.role]}
        </span>
      )}
    </span>
  )
}
