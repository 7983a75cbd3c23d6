/**
 * "Name the current version", for maintainers: a name ("Draft 0.3 — sent to members") and an
 * optional note. The server records the current text as a named version, or names the latest
 * version when nothing has changed since it.
 */
import { type FormEvent, useId, useState } from 'react'
import { nameCurrentVersion, type VersionSummary } from '../http/history'
import { usePendingAction } from '../ui/use-pending-action'

/** The server's limits (the contract in server/http/versions.ts): a name fits a line, a note a paragraph or two. */
const NAME_LIMIT = 120
const NOTE_LIMIT = 2_000

interface NameVersionFormProps {
  readonly documentId: string
  readonly onNamed: (version: VersionSummary) => void
}

export function NameVersionForm({ documentId, onNamed }: NameVersionFormProps) {
  const [name, setName] = useState('')
  const [note, setNote] = useState('')
  const { pending, error, run } = usePendingAction()
  const id = useId()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    // run() reports only whether it worked; the answer comes out through this box.
    const answer: { version?: VersionSummary } = {}
    await run(async () => {
      answer.version = await nameCurrentVersion(documentId, name.trim(), note.trim())
    })
    if (answer.version === undefined) return
    setName('')
    setNote('')
    onNamed(answer.version)
  }
  return (
    <form className="name-version" onSubmit={submit} data-testid="name-version-form">
      <h3 className="history-page__subheading">Name the current version</h3>
      <p className="name-version__hint">A milestone everyone can find again: named versions stand out on the timeline and in the list.</p>
      <label className="field-label" htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} className="input" required maxLength={NAME_LIMIT} value={name} placeholder="Draft 0.3 — sent to members"
        onChange={(event) => setName(event.target.value)} data-testid="version-name-input" />
      <label className="field-label" htmlFor={`${id}-note`}>
        Note <span className="name-version__optional">(optional)</span>
      </label>
      <textarea id={`${id}-note`} className="input name-version__note" rows={2} maxLength={NOTE_LIMIT} value={note}
        onChange={(event) => setNote(event.target.value)} data-testid="version-note-input" />
      <div>
        <button type="submit" className="button button--primary" disabled={pending || name.trim() === ''} data-testid="name-version">
          {pending ? 'Naming…' : 'Name this version'}
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          Could not name it. {error}
        </p>
      )}
    </form>
  )
}
