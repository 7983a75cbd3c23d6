/**
 * Starts a document: POST /api/documents, then straight into it. The server decides what a
 * valid title is; its message is shown as it is.
 */
import { type FormEvent, useId, useState } from 'react'
import { useNavigate } from 'react-router'
import { describeError } from '../http/api-error'
import { createDocument } from '../http/documents'

export function NewDocumentForm() {
  const navigate = useNavigate()
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()
  const errorId = useId()

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const id = await createDocument(title.trim())
      navigate(`/d/${encodeURIComponent(id)}`)
    } catch (cause) {
      setError(describeError(cause))
      setBusy(false)
    }
  }

  return (
    <form className="new-document" onSubmit={submit} data-testid="new-document-form" noValidate>
      <label className="field-label" htmlFor={inputId}>
        Start a new document
      </label>
      <div className="new-document__row">
        <input
          id={inputId}
          className="input"
          name="title"
          data-testid="new-document-title"
          placeholder="Give it a title, e.g. Housing policy — first draft"
          value={title}
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setTitle(event.target.value)
            setError(null)
          }}
        />
        <button type="submit" className="button button--primary" disabled={busy} data-testid="new-document-submit">
          {busy ? 'Creating…' : 'New document'}
        </button>
      </div>
      {error && (
        <p id={errorId} className="error-text" role="alert" data-testid="new-document-error">
          {error}
        </p>
      )}
    </form>
  )
}
