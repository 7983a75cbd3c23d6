/**
 * Where this page sits: the document, then its contributors (and on a person's page the
 * person), its decisions, or its history (and on a version or a comparison, that one).
 */
import { Link } from 'react-router'
import { historyPath } from '../history/paths'
import { contributorsPath, decisionsPath, documentPagePath } from './paths'

interface BreadcrumbsProps {
  readonly documentId: string
  readonly documentTitle: string
  /** Which of the document's pages this is, or holds it; the contributors unless told. */
  readonly page?: 'contributors' | 'decisions' | 'history'
  /** The page below it: a person, "Version 12", "Comparison"; absent on the page itself. */
  readonly here?: string
}

const PAGES = {
  contributors: { label: 'Contributors', path: contributorsPath },
  decisions: { label: 'Decisions', path: decisionsPath },
  history: { label: 'History', path: historyPath },
} as const

export function Breadcrumbs({ documentId, documentTitle, page = 'contributors', here }: BreadcrumbsProps) {
  const { label, path } = PAGES[page]
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link to={documentPagePath(documentId)}>{documentTitle}</Link>
        </li>
        <li>
          {here === undefined ? (
            <span aria-current="page">{label}</span>
          ) : (
            <Link to={path(documentId)} data-testid={`back-to-${page}`}>
              {label}
            </Link>
          )}
        </li>
        {here !== undefined && (
          <li>
            <span aria-current="page">{here}</span>
          </li>
        )}
      </ol>
    </nav>
  )
}
