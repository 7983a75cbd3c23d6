/**
 * The app header on a document's contributor pages: the document's title, as on the document
 * itself, with the way back to it underneath where the document page shows its save status.
 */
import { Link } from 'react-router'
import { AppHeader } from '../app/AppHeader'
import type { DocumentSummary } from '../http/documents'
import { documentPagePath } from './paths'

export function DocumentPagesHeader({ document }: { readonly document: DocumentSummary }) {
  return (
    <AppHeader
      title={documentTitle(document)}
      status={
        <Link className="document-pages-header__back" to={documentPagePath(document.id)} data-testid="open-document">
          Open the document
        </Link>
      }
    />
  )
}

export function documentTitle(document: DocumentSummary): string {
  return document.title || 'Untitled document'
}
