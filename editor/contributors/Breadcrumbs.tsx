/** Where this page sits: the document, its contributors, and (on a person's page) the person. */
import { Link } from 'react-router'
import { contributorsPath, documentPagePath } from './paths'

interface BreadcrumbsProps {
  readonly documentId: string
  readonly documentTitle: string
  /** The person whose page this is; absent on the contributors page itself. */
  readonly person?: string
}

export function Breadcrumbs({ documentId, documentTitle, person }: BreadcrumbsProps) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumb">
      <ol>
        <li>
          <Link to={documentPagePath(documentId)}>{documentTitle}</Link>
        </li>
        <li>
          {person === undefined ? (
            <span aria-current="page">Contributors</span>
          ) : (
            <Link to={contributorsPath(documentId)} data-testid="back-to-contributors">
              Contributors
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
