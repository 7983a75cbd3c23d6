/**
 * /d/:documentId/contributors/:username: one person's part in the document. Who they are, the
 * same numbers as their row in the contributors table, their words in the current text,
 * section by section, and every suggestion they made with what became of it.
 */
import { type CSSProperties, useId, useState } from 'react'
import { useParams } from 'react-router'
import { usePageTitle } from '../app/use-page-title'
import { Avatar } from '../identity/Avatar'
import { Breadcrumbs } from './Breadcrumbs'
import { ContributorNumbers } from './ContributorNumbers'
import { DocumentPagesHeader, documentTitle } from './DocumentPagesHeader'
import { PageProblem } from './PageProblem'
import { PassageList } from './PassageList'
import { SuggestionHistory } from './SuggestionHistory'
import { nothingSurviving } from './nothing-surviving'
import { type ContributionsData, useContributions } from './use-contributions'
import './contributors-page.css'

export function ContributionsPage() {
  const { documentId = '', username = '' } = useParams<{ documentId: string; username: string }>()
  return <Contributions key={`${documentId}/${username}`} documentId={documentId} username={username} />
}

function Contributions({ documentId, username }: { readonly documentId: string; readonly username: string }) {
  const { state, retry } = useContributions(documentId, username)
  const [now] = useState(() => new Date())
  const passagesHeadingId = useId()
  const ready = state.status === 'ready' ? state.data : null
  usePageTitle(ready ? `${nameOf(ready, username)} · ${documentTitle(ready.document)}` : 'Contributions')
  if (state.status !== 'ready') {
    return (
      <PageProblem documentId={documentId} problem={state} username={username} what="contributions" retry={retry} />
    )
  }
  const { document, contributor, passages, suggestions, people, supersededBy } = state.data
  const person = contributor.person
  const name = nameOf(state.data, username)

  return (
    <>
      <DocumentPagesHeader document={document} current={{ person: person?.username ?? username }} />
      <main className="contributors-page" data-testid="contributions-page" data-person={username}
        style={contributorColour(person?.color)}>
        <Breadcrumbs documentId={document.id} documentTitle={documentTitle(document)} here={name} />
        <header className="contributor-profile">
          {person && <Avatar name={person.displayName} color={person.color} size="lg" />}
          <div>
            <h2 className="contributors-page__heading">{name}</h2>
            <p className="contributor-profile__username">@{person?.username ?? username}</p>
          </div>
        </header>
        <ContributorNumbers contributor={contributor} now={now} />
        <section aria-labelledby={passagesHeadingId} className="contributions">
          <h3 id={passagesHeadingId} className="contributors-page__subheading">
            In the text now
          </h3>
          {passages.length === 0 ? (
            <p className="contributors-page__empty" data-testid="nothing-surviving">
              {nothingSurviving(name, contributor)}
            </p>
          ) : (
            <PassageList passages={passages} now={now} />
          )}
        </section>
        <SuggestionHistory documentId={document.id} name={name} suggestions={suggestions} people={people}
          supersededBy={supersededBy} now={now} />
      </main>
    </>
  )
}

/** The server always names a known person; the username from the address stands in should it not. */
function nameOf(data: ContributionsData, username: string): string {
  return data.contributor.person?.displayName ?? username
}

/** Their passages and suggestions are edged in their colour, as their words are tinted when the document shows its authors. */
function contributorColour(color: string | undefined): CSSProperties | undefined {
  return color === undefined ? undefined : ({ '--contributor-colour': color } as CSSProperties)
}
