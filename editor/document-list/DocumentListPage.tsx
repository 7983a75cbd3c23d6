/** The home page: the documents this person may read, and, once signed in, a form to start one. */
import { Link } from 'react-router'
import { useAccount } from '../account/account-context'
import { signInPath, signUpPath } from '../account/return-path'
import { AppHeader } from '../app/AppHeader'
import { usePageTitle } from '../app/use-page-title'
import { DocumentList } from './DocumentList'
import { NewDocumentForm } from './NewDocumentForm'
import { useDocumentList } from './use-document-list'
import './document-list.css'

export function DocumentListPage() {
  usePageTitle(null)
  const account = useAccount()
  const user = account.status === 'ready' ? account.user : null
  // Signing in or out changes which documents one may see; the key refetches the list.
  const list = useDocumentList(account.status === 'loading' ? null : (user?.id ?? 'anonymous'))
  return (
    <>
      <AppHeader />
      <main className="document-list-page">
        <section className="document-list-page__intro">
          <h1 className="document-list-page__heading">What we’re writing</h1>
          <p className="document-list-page__lead">
            Manifestos, policy papers and drafts, written together in the open. Open one to read or write along, or
            start something new.
          </p>
        </section>

        {user && <NewDocumentForm />}
        {account.status === 'ready' && !user && (
          <p className="document-list-page__invitation" data-testid="sign-in-to-create">
            <Link to={signInPath('/')}>Sign in</Link> or <Link to={signUpPath('/')}>create an account</Link> to start a
            new document.
          </p>
        )}

        <section className="document-list-page__documents" aria-labelledby="all-documents">
          <h2 id="all-documents" className="section-heading">
            {user ? 'Documents you can open' : 'Public documents'}
          </h2>
          {list.status === 'loading' && <p className="document-list__empty">Loading documents…</p>}
          {list.status === 'error' && (
            <p className="error-text" role="alert">
              {list.message}
            </p>
          )}
          {list.status === 'ready' && (
            <DocumentList
              documents={list.documents}
              emptyText={user ? 'Nothing here yet. Start the first document above.' : 'There are no public documents yet.'}
            />
          )}
        </section>
      </main>
    </>
  )
}
