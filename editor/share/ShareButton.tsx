/** "Share" in the document header, for maintainers and admins: opens the share dialog. */
import { useState } from 'react'
import type { DocumentSummary } from '../http/documents'
import { ShareIcon } from '../ui/icons'
import { ShareDialog } from './ShareDialog'
import './share-button.css'

interface ShareButtonProps {
  readonly document: DocumentSummary
  readonly onDocumentChange: (document: DocumentSummary) => void
  /** Called when the dialog closes: members may have changed, the caller's own role among them. */
  readonly onAccessChange: () => void
}

export function ShareButton({ document, onDocumentChange, onAccessChange }: ShareButtonProps) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="share-button" aria-haspopup="dialog" onClick={() => setOpen(true)}
        data-testid="share-button">
        <ShareIcon />
        <span className="visually-hidden-on-phones">Share</span>
      </button>
      {open && (
        <ShareDialog
          document={document}
          onDocumentChange={onDocumentChange}
          onClose={() => {
            setOpen(false)
            onAccessChange()
          }}
        />
      )}
    </>
  )
}
