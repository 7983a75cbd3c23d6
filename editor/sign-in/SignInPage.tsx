/** /signin: username and password, then back to where the person was (`?next=`). */
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { signUpPath } from '../account/return-path'
import { usePageTitle } from '../app/use-page-title'
import { signIn } from '../http/account'
import { PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH } from '../http/users'
import { TextField } from '../ui/TextField'
import { AuthCard } from './AuthCard'
import { useAccountForm } from './use-account-form'
import { useFinishSignIn } from './use-finish-sign-in'

// Wrong credentials are deliberately not pinned on either field: the server does not say which was wrong.
const FIELDS = { username: /\busername\b/i, password: /\bpassword\b/i } as const

export function SignInPage() {
  usePageTitle('Sign in')
  const returnPath = useFinishSignIn()
  const form = useAccountForm(FIELDS)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    void form.submit(() => signIn({ username: username.trim(), password }))
  }

  const formError = form.errors.form
  return (
    <AuthCard
      title="Welcome back"
      lead="Sign in to write, and to see the documents shared with you."
      footer={
        <>
          New here? <Link to={signUpPath(returnPath)}>Create an account</Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate data-testid="signin-form">
        <TextField
          label="Username"
          name="username"
          data-testid="signin-username"
          value={username}
          maxLength={USERNAME_MAX_LENGTH}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
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
          data-testid="signin-password"
          value={password}
          maxLength={PASSWORD_MAX_LENGTH}
          autoComplete="current-password"
          required
          error={form.errors.password}
          onChange={(event) => {
            setPassword(event.target.value)
            form.clearErrors()
          }}
        />
        {formError && (
          <p className="error-text auth-card__form-error" role="alert" data-testid="signin-error">
            {formError}
          </p>
        )}
        <button type="submit" className="button button--primary auth-card__submit" disabled={form.pending}
          data-testid="signin-submit">
          {form.pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  )
}
