/** /signup: a new account, signed in at once, then back to where the person was (`?next=`). */
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { signInPath } from '../account/return-path'
import { usePageTitle } from '../app/use-page-title'
import { signUp } from '../http/account'
import {
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_MAX_LENGTH,
} from '../http/users'
import { TextField } from '../ui/TextField'
import { AuthCard } from './AuthCard'
import { useAccountForm } from './use-account-form'
import { useFinishSignIn } from './use-finish-sign-in'

// "display name" before "name" in one pattern, so "Username" never reads as the display name.
const FIELDS = {
  displayName: /\bdisplay ?name\b/i,
  username: /\busername\b/i,
  password: /\bpassword\b/i,
} as const
const FIXED = { username_taken: 'username' } as const

export function SignUpPage() {
  usePageTitle('Sign up')
  const returnPath = useFinishSignIn()
  const form = useAccountForm(FIELDS, FIXED)
  const [displayName, setDisplayName] = useState('')
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    void form.submit(() => signUp({ username: username.trim(), password, displayName: displayName.trim() }))
  }

  const formError = form.errors.form
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
      <form onSubmit={submit} noValidate data-testid="signup-form">
        <TextField
          label="Your name"
          name="displayName"
          hint="How co-writers see you. You can change it later."
          data-testid="signup-display-name"
          value={displayName}
          maxLength={DISPLAY_NAME_MAX_LENGTH}
          autoComplete="name"
          placeholder="e.g. Ana Pérez"
          autoFocus
          required
          error={form.errors.displayName}
          onChange={(event) => {
            setDisplayName(event.target.value)
            form.clearErrors()
          }}
        />
        <TextField
          label="Username"
          name="username"
          hint={`3–${USERNAME_MAX_LENGTH} characters: lowercase letters, digits, dots, underscores and hyphens.`}
          data-testid="signup-username"
          value={username}
          maxLength={USERNAME_MAX_LENGTH}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={form.errors.username}
          onChange={(event) => {
            setUsername(event.target.value)
            form.clearErrors()
          }}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          data-testid="signup-password"
          value={password}
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          autoComplete="new-password"
          required
          error={form.errors.password}
          onChange={(event) => {
            setPassword(event.target.value)
            form.clearErrors()
          }}
        />
        {formError && (
          <p className="error-text auth-card__form-error" role="alert" data-testid="signup-error">
            {formError}
          </p>
        )}
        <p className="auth-card__note">The first person to sign up becomes the site admin.</p>
        <button type="submit" className="button button--primary auth-card__submit" disabled={form.pending}
          data-testid="signup-submit">
          {form.pending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
    </AuthCard>
  )
}
