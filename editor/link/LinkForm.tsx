/** The small form that sets a link's address. Enter applies, Escape gives up. */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { normaliseLinkUrl } from './link-url'

interface LinkFormProps {
  readonly initialHref: string
  readonly canRemove: boolean
  readonly onApply: (href: string) => void
  readonly onRemove: () => void
  readonly onCancel: () => void
}

export function LinkForm({ initialHref, canRemove, onApply, onRemove, onCancel }: LinkFormProps) {
  const [value, setValue] = useState(initialHref)
  const [error, setError] = useState<string | null>(null)
  const errorId = useId()
  const inputRef = useRef<HTMLInputElement>(null)

  // Focus and select, so an existing address can be replaced by simply typing or pasting over it.
  // No scrolling: the popover may not be placed under the cursor yet, and it opens where the person is looking.
  useEffect(() => {
    inputRef.current?.focus({ preventScroll: true })
    inputRef.current?.select()
  }, [])

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    const result = normaliseLinkUrl(value)
    if (result.ok) onApply(result.href)
    else setError(result.message)
  }

  return (
    <form
      className="link-form"
      aria-label={canRemove ? 'Edit link' : 'Add link'}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        onCancel()
      }}
    >
      <div className="link-form__row">
        <input
          ref={inputRef}
          className="input link-form__input"
          aria-label="Link address"
          data-testid="link-url"
          placeholder="Paste or type a link"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value)
            setError(null)
          }}
        />
        <button type="submit" className="button button--primary" data-testid="link-apply">
          Apply
        </button>
        {canRemove && (
          <button type="button" className="button button--quiet button--danger" onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
