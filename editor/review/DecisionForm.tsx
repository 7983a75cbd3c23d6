/**
 * Accept or reject, with the reason: required to reject, optional to accept. The form opens
 * in place under the buttons, so the maintainer keeps the suggestion in view while writing.
 */
import { type FormEvent, useId, useState } from 'react'
import type { Verdict } from '../http/suggestions'
import { usePendingAction } from '../ui/use-pending-action'

interface DecisionFormProps {
  /** What is decided, for labels: "this suggestion", "all 3 by Ada". */
  readonly subject: string
  readonly onDecide: (verdict: Verdict, reason: string) => Promise<void>
}

export function DecisionForm({ subject, onDecide }: DecisionFormProps) {
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [reason, setReason] = useState('')
  const action = usePendingAction()
  const reasonId = useId()
  const missingReason = verdict === 'reject' && reason.trim() === ''

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!verdict || missingReason) return
    if (await action.run(() => onDecide(verdict, reason.trim()))) {
      setVerdict(null)
      setReason('')
    }
  }

  if (verdict === null) {
    return (
      <div className="decision-buttons">
        <button type="button" className="button button--small" onClick={() => setVerdict('accept')} aria-label={`Accept ${subject}`}>
          Accept
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setVerdict('reject')} aria-label={`Reject ${subject}`}>
          Reject
        </button>
      </div>
    )
  }
  return (
    <form className="decision-form" onSubmit={submit}>
      <label className="field-label" htmlFor={reasonId}>
        {verdict === 'accept' ? 'Reason (optional)' : 'Reason (required)'}
      </label>
      <textarea
        id={reasonId}
        className="decision-form__reason"
        value={reason}
        required={verdict === 'reject'}
        maxLength={2000}
        rows={2}
        autoFocus
        onChange={(event) => setReason(event.target.value)}
      />
      {action.error && (
        <p className="decision-form__error" role="alert">
          {action.error}
        </p>
      )}
      <div className="decision-buttons">
        <button type="submit" className="button button--small" disabled={action.pending || missingReason}>
          {verdict === 'accept' ? 'Confirm accept' : 'Confirm reject'}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setVerdict(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
