/**
 * Explains a connection the server ended for good (close codes 44xx). The provider does not
 * retry these, so the page says what happened and what to do next; the text stays on screen,
 * read-only.
 */
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { signInPath } from '../account/return-path'
import type { Closure } from './collab-session'
import { useRefusalReason } from './use-refusal-reason'

interface ConnectionNoticeProps {
  readonly closure: Closure
  readonly documentId: string
  readonly signedIn: boolean
}

const reload = () => window.location.reload()

export function ConnectionNotice({ closure, documentId, signedIn }: ConnectionNoticeProps) {
  const refusal = useRefusalReason(documentId, closure)
  const here = `/d/${encodeURIComponent(documentId)}`
  const reason = closure === 'forbidden' ? (refusal ?? 'checking') : closure

  let message: ReactNode
  let action: ReactNode
  switch (reason) {
    case 'document-not-found':
      message = (
        <>
          <strong>This document is no longer on the server.</strong> It may have been deleted. You are looking at
          this tab’s last copy; it can no longer be edited.
        </>
      )
      action = <SeeAllDocuments />
      break
    case 'sign-in-required':
      message = signedIn ? (
        <>
          <strong>Your sign-in has ended.</strong> Sign in again to keep working on this document.
        </>
      ) : (
        <>
          <strong>This document is now for members only.</strong> Sign in to keep reading it.
        </>
      )
      action = (
        <Link to={signInPath(here)} className="button">
          Sign in
        </Link>
      )
      break
    case 'removed':
      message = (
        <>
          <strong>You were removed from this document.</strong> You are looking at this tab’s last copy; it no longer
          updates and can’t be edited.
        </>
      )
      action = <SeeAllDocuments />
      break
    case 'cannot-edit':
      message = (
        <>
          <strong>You can’t edit this document.</strong> The server did not accept changes from this account. Reload
          to keep reading the latest version.
        </>
      )
      action = <ReloadButton />
      break
    case 'identity-taken':
      message = (
        <>
          <strong>This tab’s edits belong to another account.</strong> It was signed in as someone else when it
          started writing, and the server credits every edit to the person who made it. Reload to continue as
          yourself; anything typed since the last save stays unsent.
        </>
      )
      action = <ReloadButton />
      break
    case 'suggestion-refused':
      message = (
        <>
          <strong>Your last change was not accepted.</strong> Loading the document again from the server…
        </>
      )
      action = null
      break
    case 'checking':
      message = <strong>The server stopped syncing this tab.</strong>
      action = null
      break
    case 'rejected':
      message = (
        <>
          <strong>The server stopped syncing this tab.</strong> It could not read a change sent from here. Reload to
          reconnect; anything typed since the last save may be lost.
        </>
      )
      action = <ReloadButton />
      break
  }

  return (
    <div className="connection-notice" role="alert" data-testid="connection-notice" data-closure={closure} data-reason={reason}>
      <p>{message}</p>
      {action}
    </div>
  )
}

function SeeAllDocuments() {
  return (
    <Link to="/" className="button">
      See all documents
    </Link>
  )
}

function ReloadButton() {
  return (
    <button type="button" className="button" onClick={reload}>
      Reload
    </button>
  )
}
