/** A contributions page for a username nobody has: say so, and offer the document's real contributors. */
import { Link } from 'react-router'
import { AppHeader } from '../app/AppHeader'
import { usePageTitle } from '../app/use-page-title'
import { contributorsPath, documentPagePath } from './paths'
import '../app/message-page.css'

interface PersonNotFoundProps {
  readonly documentId: string
  readonly username: string
}

export function PersonNotFound({ documentId, username }: PersonNotFoundProps) {
  usePageTitle('Nobody by that name')
  return (
    <>
      <AppHeader />
      <main className="message-page" data-testid="person-not-found">
        <p className="message-page__eyebrow">404</p>
        <h1 className="message-page__heading">No one has the username @{username}</h1>
        <p className="message-page__text">
          No account has that username. The link may be mistyped, or the person may have changed their username.
        </p>
        <div className="message-page__actions">
          <Link to={contributorsPath(documentId)} className="button button--primary">
            See all contributors
          </Link>
          <Link to={documentPagePath(documentId)} className="button">
            Open the document
          </Link>
        </div>
      </main>
    </>
  )
}
