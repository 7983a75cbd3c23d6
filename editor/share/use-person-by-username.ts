/**
 * The half that the share dialog's "add" and "block" forms share: a username box whose person
 * is looked up before anything else, so a typo reads "nobody has the username …" rather than
 * failing somewhere less clear; then the form's own step, with the person found. The box
 * empties when that step succeeds, ready for the next name.
 */
import { type ChangeEvent, type FormEvent, useId, useState } from 'react'
import { findUser, type PublicUser } from '../http/users'
import { usePendingAction } from '../ui/use-pending-action'
import { cleanUsername } from './UsernameInput'

export function usePersonByUsername(withPerson: (person: PublicUser) => Promise<void>) {
  const [username, setUsername] = useState('')
  const action = usePendingAction()
  const inputId = useId()
  const errorId = useId()
  const wanted = cleanUsername(username)

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (wanted === '') return
    const done = await action.run(async () => withPerson(await findUser(wanted)))
    if (done) setUsername('')
  }

  return {
    submit,
    pending: action.pending,
    error: action.error,
    errorId,
    /** Nothing to look up yet (an empty box, or only "@"): the button waits. */
    empty: wanted === '',
    labelProps: { htmlFor: inputId },
    /** For the UsernameInput: its value, and the error described on it. */
    inputProps: {
      id: inputId,
      value: username,
      'aria-invalid': action.error ? true : undefined,
      'aria-describedby': action.error ? errorId : undefined,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setUsername(event.target.value)
        action.clearError()
      },
    },
  }
}
