/**
 * Explains a connection the server ended for good (close codes 4404 and 4400). The
 * provider does not retry these, so the page says what happened and what to do next.
 */
import { Link } from 'react-router'
import type { Closure } from './collab-session'

export function ConnectionNotice({ closure }: { readonly closure: Closure }) {
  return (
    <div className="connection-notice" role="alert" data-testid="connection-notice" data-reason={closure}>
      {closure === 'document-not-found' ? (
        <>
          <p>
            <strong>This document is no longer on the server.</strong> It may have been deleted. You are looking at
            this tab’s last copy; it can no longer be edited.
          </p>
          <Link to="/" className="button">
            See all documents
          </Link>
        </>
      ) : (
        <>
          <p>
            <strong>The server stopped syncing this tab.</strong> It could not read a change sent from here. Reload
            to reconnect; anything typed since the last save may be lost.
          </p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </>
      )}
    </div>
  )
}
