/** /signup: a new account, signed in at once, then back to where the person was (`?next=`). */
import { Link } from 'react-router'
import { DisplayNameField, PasswordField, UsernameField } from '../account/AccountFields'
import { signInPath } from '../account/return-path'
import { usePageTitle } from '../app/use-page-title'
import { signUp } from '../http/account'
import { PASSWORD_MIN_LENGTH, USERNAME_MAX_LENGTH } from '../http/users'
import { AuthCard } from './AuthCard'
import { AuthForm } from './AuthForm'
import { useAccountForm } from './use-account-form'
import { useFinishSignIn } from './use-finish-sign-in'

// "display name" before "name" in one pattern, so "Username" never reads as the display name.
const FIELDS = {
  displayName: /\bdisplay ?name\b/i,
  username: /\busername\b/i,
  password: /\bpassword\b/i,
} as const
const FIXED = { username_taken: 'username', weak_password: 'password' } as const

export function SignUpPage() {
  usePageTitle('Sign up')
  const returnPath = useFinishSignIn()
  const form = useAccountForm(FIELDS, FIXED)
  const { displayName, username, password } = form.values

  return (
    <AuthCard
      title="Join the writing"
      lead="An account lets you write, and lets your co-writers see who wrote what."
      footer={
        <>
          Already have an account? <Link to={signInPath(returnPath)}>Sign in</Link>
        </>
      }
    >
      <AuthForm
        form={form}
        request={() => signUp({ username: username.trim(), password, displayName: displayName.trim() })}
        testIdPrefix="signup"
        note="The first person to sign up becomes the site admin."
        submitLabel="Create account"
        pendingLabel="Creating your account…"
      >
        <DisplayNameField
          hint="How co-writers see you. You can change it later."
          data-testid="signup-display-name"
          placeholder="e.g. Ana Pérez"
          autoFocus
          required
          {...form.field('displayName')}
        />
        <UsernameField
          hint={`3–${USERNAME_MAX_LENGTH} characters: lowercase letters, digits, dots, underscores and hyphens.`}
          data-testid="signup-username"
          {...form.field('username')}
        />
        <PasswordField
          hint={`At least ${PASSWORD_MIN_LENGTH} characters, and hard to guess: a few unrelated words work well.`}
          data-testid="signup-password"
          minLength={PASSWORD_MIN_LENGTH}
          autoComplete="new-password"
          {...form.field('password')}
        />
      </AuthForm>
    </AuthCard>
  )
}
