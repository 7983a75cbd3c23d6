/**
 * For a document the caller may not open: members-only to a visitor (sign in first), or
 * closed to this account (not a member, or blocked).
 */
import { Link } from 'react-router'
import { signInPath, signUpPath } from '../account/return-path'
import { AppHeader } from '../app/AppHeader'
import { DeadEnd } from '../app/DeadEnd'
import { usePageTitle } from '../app/use-page-title'
import '../app/message-page.css'

interface NoAccessPageProps {
  readonly documentId: string
  readonly reason: 'sign-in-required' | 'forbidden'
}

export function NoAccessPage({ documentId, reason }: NoAccessPageProps) {
  const here = `/d/${encodeURIComponent(documentId)}`
  usePageTitle(reason === 'forbidden' ? 'No access' : 'Sign in to read')
  return (
    <>
      <AppHeader />
      <main className="message-page" data-testid="no-access" data-reason={reason}>
        {reason === 'sign-in-required' ? (
          <>
            <p className="message-page__eyebrow">Members only</p>
            <h1 className="message-page__heading">Sign in to read this document</h1>
            <p className="message-page__text">
              Its maintainers have opened it to members only. Sign in with an account that has been invited.
            </p>
            <div className="message-page__actions">
              <Link to={signInPath(here)} className="button button--primary" data-testid="no-access-signin">
                Sign in
              </Link>
              <Link to={signUpPath(here)} className="button">
                Create an account
              </Link>
            </div>
          </>
        ) : (
          <>
            <p className="message-page__eyebrow">No access</p>
            <DeadEnd heading="You don’t have access to this document">
              It is open to its members only, or this account has been blocked from it. To join, ask one of its
              maintainers for an invitation.
            </DeadEnd>
          </>
        )}
      </main>
    </>
  )
}
