/** Instead of a version or a comparison that is not there: the server's reason, and the way back to the history. */
import { Link } from 'react-router'
import { DocumentPagesHeader, documentTitle } from '../contributors/DocumentPagesHeader'
import type { DocumentSummary } from '../http/documents'
import { Breadcrumbs } from '../contributors/Breadcrumbs'
import { historyPath } from './paths'

interface MissingVersionProps {
  readonly document: DocumentSummary
  readonly here: string
  readonly message: string
}

export function MissingVersion({ document, here, message }: MissingVersionProps) {
  return (
    <>
      <DocumentPagesHeader document={document} current="history" />
      <main className="contributors-page history-page" data-testid="missing-version">
        <Breadcrumbs documentId={document.id} documentTitle={documentTitle(document)} page="history" here={here} />
        <p className="contributors-page__empty" role="alert">
          {message} <Link to={historyPath(document.id)}>Back to the history</Link>
        </p>
      </main>
    </>
  )
}
