/**
 * /d/:documentId/contributors: everyone who has written in the document, with their numbers in
 * a sortable table, and below it the credits for each section.
 */
import { useId, useState } from 'react'
import { useParams } from 'react-router'
import { usePageTitle } from '../app/use-page-title'
import { Breadcrumbs } from './Breadcrumbs'
import { ContributorsTable } from './ContributorsTable'
import { DocumentPagesHeader, documentTitle } from './DocumentPagesHeader'
import { PageProblem } from './PageProblem'
import { SectionCredits } from './SectionCredits'
import { useContributors } from './use-contributors'
import './contributors-page.css'

export function ContributorsPage() {
  const { documentId = '' } = useParams<{ documentId: string }>()
  // Keyed by the document: another document's page starts afresh, sorted by the default column.
  return <Contributors key={documentId} documentId={documentId} />
}

function Contributors({ documentId }: { readonly documentId: string }) {
  const { state, retry } = useContributors(documentId)
  const [now] = useState(() => new Date())
  const headingId = useId()
  usePageTitle(state.status === 'ready' ? `Contributors · ${documentTitle(state.data.document)}` : 'Contributors')
  if (state.status !== 'ready') {
    return <PageProblem documentId={documentId} problem={state} what="contributors" retry={retry} />
  }
  const { document, contributors, sections } = state.data
  const title = documentTitle(document)

  return (
    <>
      <DocumentPagesHeader document={document} current="contributors" />
      <main className="contributors-page contributors-page--wide" data-testid="contributors-page">
        <Breadcrumbs documentId={document.id} documentTitle={title} />
        <section aria-labelledby={headingId}>
          <h2 id={headingId} className="contributors-page__heading">
            Contributors
          </h2>
          <p className="contributors-page__lead">
            Everyone who has written, deleted or suggested text in this document. <em>In the text now</em> is what
            survives of each person’s writing; <em>Written</em> is everything they ever typed here; <em>Deleted</em> is
            anyone’s text they removed (all three in characters). <em>Suggested</em> counts their suggestions, and{' '}
            <em>Accepted</em> and <em>Rejected</em> how many of those maintainers accepted or rejected.
          </p>
          {contributors.length === 0 ? (
            <p className="contributors-page__empty" data-testid="no-contributors">
              Nobody has written anything here yet.
            </p>
          ) : (
            <ContributorsTable documentId={document.id} documentTitle={title} contributors={contributors} now={now} />
          )}
        </section>
        {/* With nobody to credit, a second empty box would only repeat the first. */}
        {contributors.length > 0 && <SectionCredits documentId={document.id} sections={sections} />}
      </main>
    </>
  )
}
