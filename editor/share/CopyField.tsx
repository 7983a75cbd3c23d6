/**
 * A read-only text with a Copy button. Where the clipboard is out of reach (plain http on a
 * local network is not a secure context), the text is selected for the person to copy.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { CheckIcon, CopyIcon } from '../ui/icons'

interface CopyFieldProps {
  readonly label: string
  readonly value: string
  readonly testId?: string
}

/** Long enough to notice, short enough that a second copy shows its own confirmation. */
const CONFIRMATION_MS = 2000

export function CopyField({ label, value, testId }: CopyFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null)
  const inputId = useId()

  useEffect(() => {
    if (copied !== 'copied') return
    const timer = window.setTimeout(() => setCopied(null), CONFIRMATION_MS)
    return () => window.clearTimeout(timer)
  }, [copied])

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(value)
      setCopied('copied')
    } catch {
      inputRef.current?.select()
      setCopied('select')
    }
  }

  return (
    <div className="copy-field">
      <label className="visually-hidden" htmlFor={inputId}>
        {label}
      </label>
      <input ref={inputRef} id={inputId} className="input copy-field__input" value={value} readOnly
        onFocus={(event) => event.currentTarget.select()} data-testid={testId} />
      <button type="button" className="button button--primary" onClick={copy} data-testid={testId && `${testId}-copy`}>
        {copied === 'copied' ? <CheckIcon /> : <CopyIcon />}
        {copied === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="visually-hidden" role="status">
        {copied === 'copied' ? 'Link copied' : ''}
      </span>
      {copied === 'select' && <p className="share-setting__hint copy-field__fallback">Selected: press Ctrl+C (⌘C on a Mac) to copy.</p>}
    </div>
  )
}
