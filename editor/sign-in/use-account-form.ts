/**
 * The shared half of the sign-in and sign-up forms: what has been typed, sending, waiting
 * (the button is disabled meanwhile, so a double click cannot create two requests), and
 * placing the server's error under the field it concerns. Success hands the account to every
 * screen; useFinishSignIn then leads on.
 */
import { type ChangeEvent, useState } from 'react'
import { useSetUser } from '../account/account-context'
import { type FieldErrors, type FieldPatterns, placeErrors } from '../account/field-errors'
import type { User } from '../http/users'

/** What one field's TextField needs from the form. */
export interface AccountFieldBinding {
  readonly value: string
  readonly error: string | undefined
  readonly onChange: (event: ChangeEvent<HTMLInputElement>) => void
}

export interface AccountForm<Field extends string> {
  readonly pending: boolean
  /** What has been typed, by field, as typed (untrimmed). */
  readonly values: Readonly<Record<Field, string>>
  /** The server's complaints, by field; empty when there are none. */
  readonly errors: FieldErrors<Field>
  /** Spread onto the field's TextField. Typing anywhere clears every complaint: they may no longer hold. */
  readonly field: (name: Field) => AccountFieldBinding
  readonly submit: (request: () => Promise<User>) => Promise<void>
}

/** Every field of `patterns` starts empty. */
function emptyValues<Field extends string>(patterns: FieldPatterns<Field>): Record<Field, string> {
  return Object.fromEntries(Object.keys(patterns).map((name) => [name, ''])) as Record<Field, string>
}

export function useAccountForm<Field extends string>(
  patterns: FieldPatterns<Field>,
  fixed: Readonly<Partial<Record<string, NoInfer<Field>>>> = {},
): AccountForm<Field> {
  const setUser = useSetUser()
  const [values, setValues] = useState(() => emptyValues(patterns))
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FieldErrors<Field>>({})

  function field(name: Field): AccountFieldBinding {
    return {
      value: values[name],
      error: errors[name],
      onChange: (event) => {
        const { value } = event.target
        setValues((current) => ({ ...current, [name]: value }))
        setErrors({})
      },
    }
  }

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

  return { pending, values, errors, field, submit }
}
