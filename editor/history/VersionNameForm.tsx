/**
 * A name ("Draft 0.3 — sent to members") and an optional note for a version: for the current
 * text on the History page, and for any version already in the list.
 */
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import type { VersionSummary } from '../http/history'
import { usePendingAction } from '../ui/use-pending-action'

/** The server's limits (server/http/versions.ts): a name fits a line in a list, a note a paragraph or two. */
const NAME_LIMIT = 120
const NOTE_LIMIT = 2_000

interface VersionNameFormProps {
  readonly intro?: ReactNode
  readonly submitLabel: string
  readonly initialName?: string
  readonly initialNote?: string
  readonly save: (name: string, note: string) => Promise<VersionSummary>
  readonly onSaved: (version: VersionSummary) => void
  readonly onCancel?: () => void
}

export function VersionNameForm({ intro, submitLabel, initialName = '', initialNote = '', save, onSaved, onCancel }: VersionNameFormProps) {
  const [name, setName] = useState(initialName)
  const [note, setNote] = useState(initialNote)
  const { pending, error, run } = usePendingAction()
  const id = useId()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    // run() reports only whether it worked; the answer comes out through this box.
    const answer: { version?: VersionSummary } = {}
    await run(async () => {
      answer.version = await save(name.trim(), note.trim())
    })
    if (answer.version === undefined) return
    setName('')
    setNote('')
    onSaved(answer.version)
  }
  return (
    <form className="name-version" onSubmit={submit} data-testid="name-version-form">
      {intro}
      <label className="field-label" htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} className="input" required maxLength={NAME_LIMIT} value={name} placeholder="Draft 0.3 — sent to members"
        onChange={(event) => setName(event.target.value)} data-testid="version-name-input" />
      <label className="field-label" htmlFor={`${id}-note`}>
        Note <span className="name-version__optional">(optional)</span>
      </label>
      <textarea id={`${id}-note`} className="input name-version__note" rows={2} maxLength={NOTE_LIMIT} value={note}
        onChange={(event) => setNote(event.target.value)} data-testid="version-note-input" />
      <div className="name-version__actions">
        <button type="submit" className="button button--primary" disabled={pending || name.trim() === ''} data-testid="name-version">
          {pending ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          Could not name it. {error}
        </p>
      )}
    </form>
  )
}
