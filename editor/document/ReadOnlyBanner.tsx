/**
 * Takes the toolbar's place for people who may only read, and says what would let them
 * write: signing in (visitors), or an invitation (signed-in readers).
 */
import { Link } from 'react-router'
import { signInPath, signUpPath } from '../account/return-path'
import { EyeIcon } from '../ui/icons'

interface ReadOnlyBannerProps {
  readonly documentId: string
  readonly signedIn: boolean
}

export function ReadOnlyBanner({ documentId, signedIn }: ReadOnlyBannerProps) {
  const here = `/d/${encodeURIComponent(documentId)}`
  return (
    <div className="read-only-banner" role="note" data-testid="read-only-banner" data-signed-in={signedIn}>
      <span className="read-only-banner__icon">
        <EyeIcon />
      </span>
      {signedIn ? (
        <p className="read-only-banner__text">
          <strong>You can read this document.</strong> Ask a maintainer for an invite to contribute.
        </p>
      ) : (
        <>
          <p className="read-only-banner__text">
            <strong>You’re reading.</strong> Sign in to contribute.
          </p>
          <span className="read-only-banner__actions">
            <Link to={signInPath(here)} className="button button--primary" data-testid="read-only-signin">
              Sign in
            </Link>
            <Link to={signUpPath(here)} className="button" data-testid="read-only-signup">
              Sign up
            </Link>
          </span>
        </>
      )}
    </div>
  )
}
