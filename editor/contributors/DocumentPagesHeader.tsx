/**
 * The app header on a document's own pages (contributors, a person's contributions, decisions):
 * the document's title, as on the document itself, with the way back to it underneath where the
 * document page shows its save status, and the links between these pages.
 */
import { Link } from 'react-router'
import { AppHeader } from '../app/AppHeader'
import type { DocumentSummary } from '../http/documents'
import { DocumentPagesNav, type DocumentPage } from './DocumentPagesNav'
import { documentPagePath } from './paths'

interface DocumentPagesHeaderProps {
  readonly document: DocumentSummary
  readonly current: DocumentPage
}

export function DocumentPagesHeader({ document, current }: DocumentPagesHeaderProps) {
  return (
    <AppHeader
      title={documentTitle(document)}
      status={
        <Link className="document-pages-header__back" to={documentPagePath(document.id)} data-testid="open-document">
          Open the document
        </Link>
      }
    >
      <DocumentPagesNav documentId={document.id} current={current} />
    </AppHeader>
  )
}

export function documentTitle(document: DocumentSummary): string {
  return document.title || 'Untitled document'
}
