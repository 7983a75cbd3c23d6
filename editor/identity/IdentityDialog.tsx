/**
 * Asks a person how co-writers should see them: on their first visit ("welcome"), and
 * again whenever they click their own avatar ("edit").
 *
 * A native <dialog> opened with showModal() gives us focus trapping, Escape and an inert
 * page behind it without any code of our own.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { type Identity, NAME_MAX_LENGTH, normaliseName } from './identity'
import { ColourPicker } from './ColourPicker'
import { IdentityPreview } from './IdentityPreview'
import { suggestColour } from './palette'
import './identity-dialog.css'

interface IdentityDialogProps {
  readonly mode: 'welcome' | 'edit'
  readonly initial: Identity | null
  readonly onSave: (identity: Identity) => void
  /** Only in "edit" mode: a newcomer must pick a name before writing. */
  readonly onCancel?: () => void
}

export function IdentityDialog({ mode, initial, onSave, onCancel }: IdentityDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [name, setName] = useState(initial?.name ?? '')
  const [color, setColor] = useState(() => initial?.color ?? suggestColour())
  const [error, setError] = useState<string | null>(null)
  const titleId = useId()
  const nameId = useId()
  const errorId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    const cleanName = normaliseName(name)
    if (cleanName === '') {
      setError('Please enter a name, so co-writers know who is typing.')
      return
    }
    onSave({ name: cleanName, color })
  }

  return (
    <dialog
      ref={dialogRef}
      className="identity-dialog"
      aria-labelledby={titleId}
      data-testid="identity-dialog"
      onCancel={(event) => {
        event.preventDefault()
        onCancel?.()
      }}
    >
      <form className="identity-dialog__form" onSubmit={submit} noValidate>
        <IdentityPreview name={normaliseName(name)} color={color} />
        <h2 id={titleId} className="identity-dialog__title">
          {mode === 'welcome' ? 'Pull up a chair' : 'How others see you'}
        </h2>
        <p className="identity-dialog__lead">
          {mode === 'welcome'
            ? 'Pick a name and a colour. Your co-writers see them beside your cursor and in the list of who is here.'
            : 'Changes show up for everyone straight away.'}
        </p>

        <label className="field-label" htmlFor={nameId}>
          Your name
        </label>
        <input
          id={nameId}
          className="input"
          name="displayName"
          data-testid="identity-name"
          value={name}
          maxLength={NAME_MAX_LENGTH}
          autoComplete="name"
          autoFocus
          placeholder="e.g. Ana Pérez"
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setName(event.target.value)
            setError(null)
          }}
        />
        {error && (
          <p id={errorId} className="error-text" role="alert">
            {error}
          </p>
        )}

        <ColourPicker value={color} onChange={setColor} />

        <div className="identity-dialog__actions">
          {mode === 'edit' && (
            <button type="button" className="button button--quiet" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary" data-testid="identity-submit">
            {mode === 'welcome' ? 'Start writing' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
