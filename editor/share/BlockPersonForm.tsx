/** Blocks someone by username: for people who are not members, so have no row to block them from. */
import { type FormEvent, useId, useState } from 'react'
import { blockPerson } from '../http/members'
import { findUser } from '../http/users'
import { usePendingAction } from '../ui/use-pending-action'
import { cleanUsername, UsernameInput } from './UsernameInput'

interface BlockPersonFormProps {
  readonly documentId: string
  readonly onBlocked: () => Promise<void>
}

export function BlockPersonForm({ documentId, onBlocked }: BlockPersonFormProps) {
  const [username, setUsername] = useState('')
  const block = usePendingAction()
  const inputId = useId()
  const errorId = useId()
  const wanted = cleanUsername(username)

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (wanted === '') return
    const done = await block.run(async () => {
      const person = await findUser(wanted)
      await blockPerson(documentId, person.id)
      await onBlocked()
    })
    if (done) setUsername('')
  }

  return (
    <form className="share-form share-form--secondary" onSubmit={submit} noValidate>
      <label className="field-label" htmlFor={inputId}>
        Block someone by username
      </label>
      <div className="share-form__row">
        <UsernameInput
          id={inputId}
          value={username}
          aria-invalid={block.error ? true : undefined}
          aria-describedby={block.error ? errorId : undefined}
          data-testid="block-username"
          onChange={(event) => {
            setUsername(event.target.value)
            block.clearError()
          }}
        />
        <button type="submit" className="button button--danger" disabled={block.pending || wanted === ''}
          data-testid="block-submit">
          {block.pending ? 'Blocking…' : 'Block'}
        </button>
      </div>
      {block.error && (
        <p id={errorId} className="error-text" role="alert">
          {block.error}
        </p>
      )}
    </form>
  )
}
