/** Blocks someone by username: for people who are not members, so have no row to block them from. */
import { blockPerson } from '../http/members'
import { UsernameInput } from './UsernameInput'
import { usePersonByUsername } from './use-person-by-username'

interface BlockPersonFormProps {
  readonly documentId: string
  readonly onBlocked: () => Promise<void>
}

export function BlockPersonForm({ documentId, onBlocked }: BlockPersonFormProps) {
  const block = usePersonByUsername(async (person) => {
    await blockPerson(documentId, person.id)
    await onBlocked()
  })

  return (
    <form className="share-form share-form--secondary" onSubmit={block.submit} noValidate>
      <label className="field-label" {...block.labelProps}>
        Block someone by username
      </label>
      <div className="share-form__row">
        <UsernameInput {...block.inputProps} data-testid="block-username" />
        <button type="submit" className="button button--danger" disabled={block.pending || block.empty}
          data-testid="block-submit">
          {block.pending ? 'Blocking…' : 'Block'}
        </button>
      </div>
      {block.error && (
        <p id={block.errorId} className="error-text" role="alert">
          {block.error}
        </p>
      )}
    </form>
  )
}
