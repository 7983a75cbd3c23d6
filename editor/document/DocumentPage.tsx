/**
 * A document page: loads the document's title, settings and the caller's role, says so when
 * the caller may not read it, then opens the collaborative editor.
 */
import { canEdit } from '../access/roles'
import { AppHeader } from '../app/AppHeader'
import { DocumentNotFoundPage } from '../app/NotFoundPage'
import { usePageTitle } from '../app/use-page-title'
import type { User } from '../http/users'
import { DocumentSkeleton } from './DocumentSkeleton'
import { DocumentWorkspace } from './DocumentWorkspace'
import { NoAccessPage } from './NoAccessPage'
import { useDocumentSummary } from './use-document-summary'
import '../app/message-page.css'

interface DocumentPageProps {
  readonly documentId: string
  readonly user: User | null
}

export function DocumentPage({ documentId, user }: DocumentPageProps) {
  const summary = useDocumentSummary(documentId)
  const { state } = summary
  usePageTitle(state.status === 'ready' ? state.document.title : null)

  switch (state.status) {
    case 'not-found':
      return <DocumentNotFoundPage />
    case 'sign-in-required':
      return <NoAccessPage documentId={documentId} reason="sign-in-required" />
    case 'forbidden':
      return <NoAccessPage documentId={documentId} reason="forbidden" />
    case 'error':
      return (
        <>
          <AppHeader />
          <main className="message-page" role="alert">
            <h1 className="message-page__heading">The document could not be opened</h1>
            <p className="message-page__text">{state.message}</p>
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              Try again
            </button>
          </main>
        </>
      )
    case 'loading':
      return <DocumentSkeleton />
    case 'ready':
      // Keyed by whether the caller may edit: the server decides that when the connection opens,
      // so a role that gains or loses editing needs a new connection, not just a different toolbar.
      return (
        <DocumentWorkspace
          key={canEdit(state.document.role) ? 'writer' : 'reader'}
          document={state.document}
          user={user}
          onDocumentChange={summary.replace}
          onAccessChange={summary.refresh}
        />
      )
  }
}
