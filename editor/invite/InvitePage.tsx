/**
 * /invite/:token: what the invitation offers (which document, which role, until when) and
 * the one step to take: sign in or up first, or accept and go straight to the document.
 */
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useAccount } from '../account/account-context'
import { signInPath, signUpPath } from '../account/return-path'
import { MEMBER_ROLE_DESCRIPTIONS, ROLE_NAMES } from '../access/roles'
import { AppHeader } from '../app/AppHeader'
import { DeadEnd } from '../app/DeadEnd'
import { usePageTitle } from '../app/use-page-title'
import { describeError } from '../http/api-error'
import { acceptInvite, type Invite } from '../http/invites'
import { useInvite } from './use-invite'
import '../app/message-page.css'
import './invite-page.css'

export function InvitePage() {
  const { token = '' } = useParams<{ token: string }>()
  const state = useInvite(token)
  usePageTitle(state.status === 'ready' ? `Invitation to ${state.invite.documentTitle}` : 'Invitation')
  return (
    <>
      <AppHeader />
      <main className="message-page invite-page" data-testid="invite-page" data-state={state.status}>
        {state.status === 'loading' && <p className="message-page__text">Opening the invitation…</p>}
        {state.status === 'ready' && <InviteOffer token={token} invite={state.invite} />}
        {state.status === 'expired' && (
          <Dead
            heading="This invitation has expired"
            explanation="Invitations last a limited time. Ask the person who sent it for a new link."
          />
        )}
        {state.status === 'invalid' && (
          <Dead
            heading="This invitation link doesn’t work"
            explanation="It may have been copied incompletely. Check the link, or ask the person who sent it for a new one."
          />
        )}
        {state.status === 'error' && <Dead heading="The invitation could not be opened" explanation={state.message} />}
      </main>
    </>
  )
}

function Dead({ heading, explanation }: { readonly heading: string; readonly explanation: string }) {
  return (
    <div role="alert">
      <DeadEnd heading={heading}>{explanation}</DeadEnd>
    </div>
  )
}

function InviteOffer({ token, invite }: { readonly token: string; readonly invite: Invite }) {
  const account = useAccount()
  const navigate = useNavigate()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const here = `/invite/${encodeURIComponent(token)}`
  const expires = new Date(invite.expiresAt).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' })

  async function accept(): Promise<void> {
    setPending(true)
    setError(null)
    try {
      const accepted = await acceptInvite(token)
      navigate(`/d/${encodeURIComponent(accepted.documentId)}`)
    } catch (cause) {
      setError(describeError(cause))
      setPending(false)
    }
  }

  return (
    <>
      <p className="message-page__eyebrow">Invitation</p>
      <h1 className="message-page__heading" data-testid="invite-title">
        {invite.documentTitle || 'Untitled document'}
      </h1>
      <p className="message-page__text">
        You’re invited to join as a <strong data-testid="invite-offered-role">{ROLE_NAMES[invite.role].toLowerCase()}</strong>
        , who {MEMBER_ROLE_DESCRIPTIONS[invite.role]}. The invitation is open until {expires}.
      </p>
      {account.status === 'ready' && account.user === null && (
        <>
          <p className="invite-page__ask">Sign in, or create an account, to accept it.</p>
          <div className="invite-page__actions">
            <Link to={signInPath(here)} className="button button--primary" data-testid="invite-signin">
              Sign in
            </Link>
            <Link to={signUpPath(here)} className="button" data-testid="invite-signup">
              Create an account
            </Link>
          </div>
        </>
      )}
      {account.status === 'ready' && account.user !== null && (
        <>
          <div className="invite-page__actions">
            <button type="button" className="button button--primary" onClick={accept} disabled={pending}
              data-testid="invite-accept">
              {pending ? 'Accepting…' : 'Accept invitation'}
            </button>
          </div>
          <p className="invite-page__who">Accepting as {account.user.displayName} (@{account.user.username}).</p>
        </>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="invite-error">
          {error}
        </p>
      )}
    </>
  )
}
