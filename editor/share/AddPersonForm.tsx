/** "Add people": a username and a role; the username is looked up first (see usePersonByUsername). */
import { useState } from 'react'
import { type MemberRole, setMemberRole } from '../http/members'
import { RoleSelect } from './RoleSelect'
import { UsernameInput } from './UsernameInput'
import { usePersonByUsername } from './use-person-by-username'

interface AddPersonFormProps {
  readonly documentId: string
  readonly onAdded: () => Promise<void>
}

export function AddPersonForm({ documentId, onAdded }: AddPersonFormProps) {
  const [role, setRole] = useState<MemberRole>('contributor')
  const add = usePersonByUsername(async (person) => {
    await setMemberRole(documentId, person.id, role)
    await onAdded()
  })

  return (
    <form className="share-form" onSubmit={add.submit} noValidate data-testid="add-person-form">
      <label className="field-label" {...add.labelProps}>
        Add people by username
      </label>
      <div className="share-form__row share-form__row--with-role">
        <UsernameInput name="username" {...add.inputProps} data-testid="add-person-username" />
        <RoleSelect value={role} onChange={setRole} label="Role for the person added" testId="add-person-role" />
        <button type="submit" className="button button--primary" disabled={add.pending || add.empty}
          data-testid="add-person-submit">
          {add.pending ? 'Adding…' : 'Add'}
        </button>
      </div>
      {add.error && (
        <p id={add.errorId} className="error-text" role="alert" data-testid="add-person-error">
          {add.error}
        </p>
      )}
    </form>
  )
}
