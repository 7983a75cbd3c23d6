/**
 * A labelled text input with an optional hint and an error, wired for assistive technology:
 * the hint and the error describe the input, and an error marks it invalid.
 */
import { type InputHTMLAttributes, type Ref, useId } from 'react'
import './text-field.css'

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  readonly label: string
  /** Always shown under the input, e.g. the rules a username must follow. */
  readonly hint?: string
  /** Shown under the input, in place of nothing, and announced when it appears. */
  readonly error?: string | null
  readonly inputRef?: Ref<HTMLInputElement>
}

export function TextField({ label, hint, error, inputRef, ...inputProps }: TextFieldProps) {
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter((id) => id !== null).join(' ')
  return (
    <div className="text-field">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <input
        {...inputProps}
        ref={inputRef}
        id={inputId}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <p id={hintId} className="text-field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
