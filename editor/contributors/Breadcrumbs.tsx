/**
 * Where this page sits: the document, then its contributors (and on a person's page the
 * person), or its decisions.
 */
import { Link } from 'react-router'
import { contributorsPath, decisionsPath, documentPagePath } from './paths'

interface BreadcrumbsProps {
  readonly documentId: string
  readonly documentTitle: string
  /** Which of the document's pages this is, or holds it; the contributors unless told. */
  readonly page?: 'contributors' | 'decisions'
  /** The person whose page this is; absent on the contributors page itself. */
  readonly person?: string
}

const PAGES = {
  contributors: { label: 'Contributors', path: contributorsPath },
  decisions: { label: 'Decisions', path: decisionsPath },
} as const

export function Breadcrumbs({ documentId, documentTitle, page = 'contributors', person }: BreadcrumbsProps) {
  const { label, path } = PAGES[page]
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link to={documentPagePath(documentId)}>{documentTitle}</Link>
        </li>
        <li>
          {person === undefined ? (
            <span aria-current="page">{label}</span>
          ) : (
            <Link to={path(documentId)} data-testid={`back-to-${page}`}>
              {label}
            </Link>
          )}
        </li>
        {person !== undefined && (
          <li>
            <span aria-current="page">{person}</span>
          </li>
        )}
      </ol>
    </nav>
  )
}
