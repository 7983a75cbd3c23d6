/**
 * A modal dialog: a title, an optional lead, the content, and a close button.
 *
 * A native <dialog> opened with showModal() gives us focus trapping, Escape and an inert
 * page behind it without any code of our own. Escape is routed through `onClose`, so the
 * dialog closes by being unmounted, the same way as every other way out.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react'
import { CloseIcon } from './icons'
import './icon-button.css'
import './dialog.css'

interface DialogProps {
  readonly title: string
  /** One or two sentences under the title. */
  readonly lead?: ReactNode
  readonly onClose: () => void
  /** Room for lists and several forms (the share dialog), rather than one short form. */
  readonly size?: 'md' | 'lg'
  readonly testId?: string
  readonly children: ReactNode
}

export function Dialog({ title, lead, onClose, size = 'md', testId, children }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const leadId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={lead ? leadId : undefined}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <div className="dialog__body">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {lead && (
          <p id={leadId} className="dialog__lead">
            {lead}
          </p>
        )}
        {children}
        {/* Last in the DOM though drawn top right: showModal() focuses the first control, which should be the form's. */}
        <button type="button" className="icon-button dialog__close" aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
    </dialog>
  )
}
