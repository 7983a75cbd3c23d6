/** /signin: username and password, then back to where the person was (`?next=`). */
import { Link } from 'react-router'
import { PasswordField, UsernameField } from '../account/AccountFields'
import { signUpPath } from '../account/return-path'
import { usePageTitle } from '../app/use-page-title'
import { signIn } from '../http/account'
import { AuthCard } from './AuthCard'
import { AuthForm } from './AuthForm'
import { useAccountForm } from './use-account-form'
import { useFinishSignIn } from './use-finish-sign-in'

// Wrong credentials are deliberately not pinned on either field: the server does not say which was wrong.
const FIELDS = { username: /\busername\b/i, password: /\bpassword\b/i } as const

export function SignInPage() {
  usePageTitle('Sign in')
  const returnPath = useFinishSignIn()
  const form = useAccountForm(FIELDS)
  const { username, password } = form.values

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
      <AuthForm
        form={form}
        request={() => signIn({ username: username.trim(), password })}
        testIdPrefix="signin"
        submitLabel="Sign in"
        pendingLabel="Signing in…"
      >
        <UsernameField data-testid="signin-username" autoFocus {...form.field('username')} />
        <PasswordField data-testid="signin-password" autoComplete="current-password" {...form.field('password')} />
      </AuthForm>
    </AuthCard>
  )
}
