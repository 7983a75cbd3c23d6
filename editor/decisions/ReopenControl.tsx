/**
 * "Reopen" on a rejected or superseded suggestion: puts it back in the document, pending again.
 * The button opens a small form for an optional reason, so a misplaced click changes nothing.
 */
import { type FormEvent, useId, useRef, useState } from 'react'
import { reopen } from '../http/suggestions'
import { usePendingAction } from '../ui/use-pending-action'

interface ReopenControlProps {
  readonly documentId: string
  readonly suggestionId: string
  /** After the server has reopened it: the page loads the log again. */
  readonly onReopened: () => void
}

/** The server's limit on a reason (server/http/suggestions.ts). */
const REASON_LIMIT = 2_000

export function ReopenControl({ documentId, suggestionId, onReopened }: ReopenControlProps) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  // Done: nothing more to do here while the page loads the log again, which moves this decision down.
  const [reopened, setReopened] = useState(false)
  const { pending, error, run } = usePendingAction()
  const reasonId = useId()
  // Cancelling puts focus back on the button that opened the form, once React has drawn it again.
  const returnFocus = useRef(false)
  const focusIfReturning = (button: HTMLButtonElement | null) => {
    if (button === null || !returnFocus.current) return
    returnFocus.current = false
    button.focus()
  }

  if (reopened) return null
  if (!open) {
    return (
      <button ref={focusIfReturning} type="button" className="button decision__reopen" onClick={() => setOpen(true)}
        data-testid="reopen">
        Reopen
      </button>
    )
  }

  const cancel = () => {
    setOpen(false)
    setReason('')
    returnFocus.current = true
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!(await run(() => reopen(documentId, suggestionId, reason.trim())))) return
    setReopened(true)
    onReopened()
  }

  return (
    <form className="reopen-form" onSubmit={submit} data-testid="reopen-form">
      <label className="field-label" htmlFor={reasonId}>
        Why reopen it? <span className="reopen-form__optional">(optional, shown in the log)</span>
      </label>
      <textarea id={reasonId} className="input reopen-form__reason" rows={2} maxLength={REASON_LIMIT} value={reason}
        onChange={(event) => setReason(event.target.value)} autoFocus data-testid="reopen-reason" />
      <div className="reopen-form__actions">
        <button type="submit" className="button button--primary" disabled={pending} data-testid="confirm-reopen">
          {pending ? 'Reopening…' : 'Reopen the suggestion'}
        </button>
        <button type="button" className="button button--quiet" onClick={cancel} disabled={pending}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          Could not reopen it. {error}
        </p>
      )}
    </form>
  )
}
