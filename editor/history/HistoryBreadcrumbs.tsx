/**
 * Where a history page sits: the document, its History, and on a version's page or a comparison
 * that one. Drawn like the other document pages' breadcrumbs (contributors-page.css).
 */
import { Link } from 'react-router'
import { documentPagePath } from '../contributors/paths'
import { historyPath } from './paths'

interface HistoryBreadcrumbsProps {
  readonly documentId: string
  readonly documentTitle: string
  /** "Version 12", "Comparison"; absent on the History page itself. */
  readonly here?: string
}

export function HistoryBreadcrumbs({ documentId, documentTitle, here }: HistoryBreadcrumbsProps) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link to={documentPagePath(documentId)}>{documentTitle}</Link>
        </li>
        <li>
          {here === undefined ? (
            <span aria-current="page">History</span>
          ) : (
            <Link to={historyPath(documentId)} data-testid="back-to-history">
              History
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
