/**
 * A document page: loads the document's title, makes sure we know who is writing, then
 * opens the collaborative editor.
 */
import { AppHeader } from '../app/AppHeader'
import { NotFoundPage } from '../app/NotFoundPage'
import { usePageTitle } from '../app/use-page-title'
import { IdentityDialog } from '../identity/IdentityDialog'
import { useIdentity } from '../identity/use-identity'
import { DocumentSkeleton } from './DocumentSkeleton'
import { DocumentWorkspace } from './DocumentWorkspace'
import { useDocumentSummary } from './use-document-summary'
import '../app/message-page.css'

export function DocumentPage({ documentId }: { readonly documentId: string }) {
  const summary = useDocumentSummary(documentId)
  const [identity, saveIdentity] = useIdentity()
  usePageTitle(summary.status === 'ready' ? summary.document.title : null)

  switch (summary.status) {
    case 'not-found':
      return (
        <NotFoundPage
          heading="This document does not exist"
          explanation="It may have been deleted, or the link may be mistyped."
        />
      )
    case 'error':
      return (
        <>
          <AppHeader />
          <main className="message-page" role="alert">
            <h1 className="message-page__heading">The document could not be opened</h1>
            <p className="message-page__text">{summary.message}</p>
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              Try again
            </button>
          </main>
        </>
      )
    case 'loading':
      return <DocumentSkeleton />
    case 'ready':
      if (!identity) {
        // A first visit: ask for a name before joining, so nobody appears to others as a blank.
        return (
          <>
            <DocumentSkeleton title={summary.document.title} />
            <IdentityDialog mode="welcome" initial={null} onSave={saveIdentity} />
          </>
        )
      }
      return <DocumentWorkspace document={summary.document} identity={identity} onSaveIdentity={saveIdentity} />
  }
}
