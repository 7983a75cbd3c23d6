/**
 * "Add people": a username and a role. The username is looked up first, so a typo reads
 * "nobody is called …" rather than failing somewhere less clear.
 */
import { type FormEvent, useId, useState } from 'react'
import { type MemberRole, setMemberRole } from '../http/members'
import { findUser } from '../http/users'
import { usePendingAction } from '../ui/use-pending-action'
import { RoleSelect } from './RoleSelect'
import { cleanUsername, UsernameInput } from './UsernameInput'

interface AddPersonFormProps {
  readonly documentId: string
  readonly onAdded: () => Promise<void>
}

export function AddPersonForm({ documentId, onAdded }: AddPersonFormProps) {
  const [username, setUsername] = useState('')
  const [role, setRole] = useState<MemberRole>('contributor')
  const add = usePendingAction()
  const inputId = useId()
  const errorId = useId()

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const wanted = cleanUsername(username)
    if (wanted === '') return
    const added = await add.run(async () => {
      const person = await findUser(wanted)
      await setMemberRole(documentId, person.id, role)
      await onAdded()
    })
    if (added) setUsername('')
  }

  return (
    <form className="share-form" onSubmit={submit} noValidate data-testid="add-person-form">
      <label className="field-label" htmlFor={inputId}>
        Add people by username
      </label>
      <div className="share-form__row share-form__row--with-role">
        <UsernameInput
          id={inputId}
          name="username"
          value={username}
          aria-invalid={add.error ? true : undefined}
          aria-describedby={add.error ? errorId : undefined}
          data-testid="add-person-username"
          onChange={(event) => {
            setUsername(event.target.value)
            add.clearError()
          }}
        />
        <RoleSelect value={role} onChange={setRole} label="Role for the person added" testId="add-person-role" />
        <button type="submit" className="button button--primary" disabled={add.pending || cleanUsername(username) === ''}
          data-testid="add-person-submit">
          {add.pending ? 'Adding…' : 'Add'}
        </button>
      </div>
      {add.error && (
        <p id={errorId} className="error-text" role="alert" data-testid="add-person-error">
          {add.error}
        </p>
      )}
    </form>
  )
}
