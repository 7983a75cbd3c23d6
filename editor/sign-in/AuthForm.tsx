/**
 * The form on the sign-in and sign-up cards: the fields, then the server's complaint about
 * the form as a whole, an optional note, and the one button, which waits while the request
 * is under way.
 */
import type { ReactNode } from 'react'
import type { User } from '../http/users'
import type { AccountForm } from './use-account-form'

interface AuthFormProps<Field extends string> {
  readonly form: AccountForm<Field>
  /** Sends what was typed; read `form.values` here, when the button is pressed. */
  readonly request: () => Promise<User>
  /** "signin" names the form signin-form, its error signin-error and its button signin-submit. */
  readonly testIdPrefix: string
  readonly submitLabel: string
  /** The button's text while the request is under way, e.g. "Signing in…". */
  readonly pendingLabel: string
  /** Shown just above the button. */
  readonly note?: string
  readonly children: ReactNode
}

export function AuthForm<Field extends string>({
  form,
  request,
  testIdPrefix,
  submitLabel,
  pendingLabel,
  note,
  children,
}: AuthFormProps<Field>) {
  const formError = form.errors.form
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void form.submit(request)
      }}
      noValidate
      data-testid={`${testIdPrefix}-form`}
    >
      {children}
      {formError && (
        <p className="error-text auth-card__form-error" role="alert" data-testid={`${testIdPrefix}-error`}>
          {formError}
        </p>
      )}
      {note && <p className="auth-card__note">{note}</p>}
      <button type="submit" className="button button--primary auth-card__submit" disabled={form.pending}
        data-testid={`${testIdPrefix}-submit`}>
        {form.pending ? pendingLabel : submitLabel}
      </button>
    </form>
  )
}
