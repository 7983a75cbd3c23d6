/**
 * What a document's own pages (contributors, contributions, decisions) show until their data is
 * ready, or instead of it: loading; the document does not exist; nobody has the username; sign
 * in, or no access (the document page's own messages); or the data could not be loaded, with a
 * way to try again.
 */
import { AppHeader } from '../app/AppHeader'
import { DocumentNotFoundPage } from '../app/NotFoundPage'
import { NoAccessPage } from '../document/NoAccessPage'
import type { PageDataProblem } from './page-data'
import { PersonNotFound } from './PersonNotFound'
import '../app/message-page.css'

interface PageProblemProps {
  readonly documentId: string
  readonly problem: PageDataProblem
  /** The person a contributions page is about. */
  readonly username?: string
  /** Names what failed to load: "The contributors could not be loaded". */
  readonly what: string
  readonly retry: () => void
}

export function PageProblem({ documentId, problem, username = '', what, retry }: PageProblemProps) {
  switch (problem.status) {
    case 'loading':
      return (
        <>
          <AppHeader />
          <main className="contributors-page" aria-busy="true" data-testid="contributors-loading">
            <p className="contributors-page__loading">Loading {what}…</p>
          </main>
        </>
      )
    case 'person-not-found':
      return <PersonNotFound documentId={documentId} username={username} />
    case 'not-found':
      return <DocumentNotFoundPage />
    case 'sign-in-required':
    case 'forbidden':
      return <NoAccessPage documentId={documentId} reason={problem.status} />
    case 'error':
      return (
        <>
          <AppHeader />
          <main className="message-page" role="alert" data-testid="contributors-error">
            <h1 className="message-page__heading">The {what} could not be loaded</h1>
            <p className="message-page__text">{problem.message}</p>
            <button type="button" className="button button--primary" onClick={retry}>
              Try again
            </button>
          </main>
        </>
      )
  }
}
