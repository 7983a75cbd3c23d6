/**
 * The words around a suggestion: its author's reason ("why"), which only they can write or
 * change, and a thread of replies from anyone who may contribute.
 */
import { type FormEvent, useId, useState } from 'react'
import type { People, SuggestionRecord } from '../http/suggestions'
import { usePendingAction } from '../ui/use-pending-action'

interface SuggestionThreadProps {
  readonly record: SuggestionRecord | undefined
  readonly people: People
  readonly isAuthor: boolean
  readonly canReply: boolean
  readonly onExplain: (text: string) => Promise<void>
  readonly onReply: (text: string) => Promise<void>
}

export function SuggestionThread({ record, people, isAuthor, canReply, onExplain, onReply }: SuggestionThreadProps) {
  const rationale = record?.rationale?.text ?? ''
  const replies = record?.replies ?? []
  return (
    <div className="suggestion-thread">
      {isAuthor ? (
        <TextForm key={rationale} label="Why? (your reason, shown to everyone)" initial={rationale} submitLabel="Save reason" allowEmpty onSubmit={onExplain} />
      ) : (
        rationale && (
          <p className="suggestion-thread__rationale">
            <span className="suggestion-thread__label">Why: </span>
            {rationale}
          </p>
        )
      )}
      {replies.length > 0 && (
        <ol className="suggestion-thread__replies" aria-label="Replies">
          {replies.map((reply) => (
            <li key={reply.id}>
              <strong>{people[reply.author]?.displayName ?? 'Someone'}:</strong> {reply.text}
            </li>
          ))}
        </ol>
      )}
      {canReply && <TextForm label="Reply" initial="" submitLabel="Reply" onSubmit={onReply} />}
    </div>
  )
}

interface TextFormProps {
  readonly label: string
  readonly initial: string
  readonly submitLabel: string
  /** Saving an empty text clears it (a reason can be taken back); otherwise text is required. */
  readonly allowEmpty?: boolean
  readonly onSubmit: (text: string) => Promise<void>
}

function TextForm({ label, initial, submitLabel, allowEmpty = false, onSubmit }: TextFormProps) {
  const [text, setText] = useState(initial)
  const action = usePendingAction()
  const id = useId()
  const unchanged = text.trim() === initial.trim()
  const blocked = unchanged || (!allowEmpty && text.trim() === '')

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (blocked) return
    if ((await action.run(() => onSubmit(text.trim()))) && !allowEmpty) setText('')
  }

  return (
    <form className="suggestion-thread__form" onSubmit={submit}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea id={id} rows={1} maxLength={allowEmpty ? 2000 : 4000} value={text} onChange={(event) => setText(event.target.value)} />
      {action.error && <p role="alert">{action.error}</p>}
      {!unchanged && (
        <button type="submit" className="button button--small" disabled={action.pending || blocked}>
          {submitLabel}
        </button>
      )}
    </form>
  )
}
