/**
 * The shared half of the sign-in and sign-up forms: sending, waiting (the button is disabled
 * meanwhile, so a double click cannot create two requests), and placing the server's error
 * under the field it concerns. Success hands the account to every screen; useFinishSignIn
 * then leads on.
 */
import { useCallback, useState } from 'react'
import { useSetUser } from '../account/account-context'
import { type FieldErrors, type FieldPatterns, placeErrors } from '../account/field-errors'
import type { User } from '../http/users'

export interface AccountForm<Field extends string> {
  readonly pending: boolean
  /** The server's complaints, by field; empty when there are none. */
  readonly errors: FieldErrors<Field>
  readonly clearErrors: () => void
  readonly submit: (request: () => Promise<User>) => Promise<void>
}

export function useAccountForm<Field extends string>(
  patterns: FieldPatterns<Field>,
  fixed: Readonly<Partial<Record<string, NoInfer<Field>>>> = {},
): AccountForm<Field> {
  const setUser = useSetUser()
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const clearErrors = useCallback(() => setErrors({}), [])

  async function submit(request: () => Promise<User>): Promise<void> {
    setPending(true)
    setErrors({})
    try {
      setUser(await request())
    } catch (cause) {
      setErrors(placeErrors(cause, patterns, fixed))
      setPending(false)
    }
  }

  return { pending, errors, clearErrors, submit }
}
