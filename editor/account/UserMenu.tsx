/**
 * The end of every page's header: for a signed-in person, their avatar opening a menu
 * (who they are, on a document's pages their contributions to it, Profile, Sign out); for a
 * visitor, links to sign in and sign up that come back to this page afterwards.
 */
import { useState } from 'react'
import { Link, useLocation, useMatch } from 'react-router'
import { contributionsPath } from '../contributors/paths'
import { signOut } from '../http/account'
import { describeError } from '../http/api-error'
import type { User } from '../http/users'
import { Avatar } from '../identity/Avatar'
import { useMenuButton } from '../ui/use-menu-button'
import { useAccount, useSetUser } from './account-context'
import { ProfileDialog } from './ProfileDialog'
import { safeReturnPath, signInPath, signUpPath } from './return-path'
import '../ui/menu.css'
import './user-menu.css'

export function UserMenu() {
  const account = useAccount()
  if (account.status === 'loading') return <span className="user-menu__placeholder" aria-hidden="true" />
  return account.user ? <AccountMenu user={account.user} /> : <SignInLinks />
}

/** On the sign-in and sign-up pages, the way back is the one those pages were given. */
function useReturnPath(): string {
  const { pathname, search } = useLocation()
  if (pathname === '/signin' || pathname === '/signup') return safeReturnPath(new URLSearchParams(search).get('next'))
  return `${pathname}${search}`
}

function SignInLinks() {
  const { pathname } = useLocation()
  const returnPath = useReturnPath()
  return (
    <nav className="user-menu__links" aria-label="Account">
      {pathname !== '/signin' && (
        <Link to={signInPath(returnPath)} className="button button--quiet" data-testid="header-signin">
          Sign in
        </Link>
      )}
      {pathname !== '/signup' && (
        <Link to={signUpPath(returnPath)} className="button user-menu__signup" data-testid="header-signup">
          Sign up
        </Link>
      )}
    </nav>
  )
}

function AccountMenu({ user }: { readonly user: User }) {
  const setUser = useSetUser()
  const { rootRef, onBlur, buttonProps, menuProps } = useMenuButton()
  const [editingProfile, setEditingProfile] = useState(false)
  const [signOutError, setSignOutError] = useState<string | null>(null)
  // The document itself and its own pages (contributors, decisions): "/*" matches the bare document too.
  const documentId = useMatch('/d/:documentId/*')?.params.documentId

  async function leave(): Promise<void> {
    setSignOutError(null)
    try {
      await signOut()
      setUser(null)
    } catch (cause) {
      setSignOutError(`Could not sign out. ${describeError(cause)}`)
    }
  }

  return (
    <div ref={rootRef} className="user-menu" onBlur={onBlur}>
      <button
        {...buttonProps}
        className="user-menu__button"
        aria-label={`Your account: ${user.displayName} (@${user.username})${user.isAdmin ? ', site admin' : ''}`}
        data-testid="user-menu-button"
      >
        <Avatar name={user.displayName} color={user.color} />
      </button>
      <div {...menuProps} className="menu user-menu__list">
        {/* Visual only: a menu may hold only items, and the button's name already says all this. */}
        <div className="user-menu__who" aria-hidden="true">
          <span className="user-menu__name">{user.displayName}</span>
          <span className="user-menu__username">@{user.username}</span>
          {user.isAdmin && <span className="tag">Site admin</span>}
        </div>
        {documentId !== undefined && (
          <Link to={contributionsPath(documentId, user.username)} role="menuitem" tabIndex={-1}
            className="menu__item user-menu__item" data-testid="menu-my-contributions">
            My contributions to this document
          </Link>
        )}
        <button type="button" role="menuitem" tabIndex={-1} className="menu__item user-menu__item"
          onClick={() => setEditingProfile(true)} data-testid="profile">
          Profile
        </button>
        <button type="button" role="menuitem" tabIndex={-1} className="menu__item user-menu__item" onClick={leave}
          data-testid="signout">
          Sign out
        </button>
      </div>
      {signOutError && (
        <p className="user-menu__error error-text" role="alert">
          {signOutError}
        </p>
      )}
      {editingProfile && <ProfileDialog user={user} onClose={() => setEditingProfile(false)} />}
    </div>
  )
}
