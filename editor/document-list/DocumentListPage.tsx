/** The home page: every document, and a form to start a new one. */
import { AppHeader } from '../app/AppHeader'
import { usePageTitle } from '../app/use-page-title'
import { DocumentList } from './DocumentList'
import { NewDocumentForm } from './NewDocumentForm'
import { useDocumentList } from './use-document-list'
import './document-list.css'

export function DocumentListPage() {
  usePageTitle(null)
  const list = useDocumentList()
  return (
    <>
      <AppHeader />
      <main className="document-list-page">
        <section className="document-list-page__intro">
          <h1 className="document-list-page__heading">What we’re writing</h1>
          <p className="document-list-page__lead">
            Manifestos, policy papers and drafts, written together in the open. Open one to write along, or start
            something new.
          </p>
        </section>

        <NewDocumentForm />

        <section className="document-list-page__documents" aria-labelledby="all-documents">
          <h2 id="all-documents" className="document-list-page__subheading">
            All documents
          </h2>
          {list.status === 'loading' && <p className="document-list__empty">Loading documents…</p>}
          {list.status === 'error' && (
            <p className="error-text" role="alert">
              {list.message}
            </p>
          )}
          {list.status === 'ready' && <DocumentList documents={list.documents} />}
        </section>
      </main>
    </>
  )
}
