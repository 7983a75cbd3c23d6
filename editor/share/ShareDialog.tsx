/**
 * The share dialog, for maintainers and admins: general access, members, invitation links
 * and blocks, in the order people reach for them. Every change is saved as it is made;
 * there is no Save button to forget.
 */
import type { DocumentSummary } from '../http/documents'
import { Dialog } from '../ui/Dialog'
import { AccessSettings } from './AccessSettings'
import { BlockedList } from './BlockedList'
import { InviteLinkForm } from './InviteLinkForm'
import { MemberList } from './MemberList'
import { useMembership } from './use-membership'
import './share-dialog.css'

interface ShareDialogProps {
  readonly document: DocumentSummary
  readonly onDocumentChange: (document: DocumentSummary) => void
  readonly onClose: () => void
}

export function ShareDialog({ document, onDocumentChange, onClose }: ShareDialogProps) {
  const { state, reload } = useMembership(document.id)
  const membership = state.status === 'ready' ? state.membership : null
  return (
    <Dialog title={`Share “${document.title || 'Untitled document'}”`} onClose={onClose} size="lg" testId="share-dialog">
      <AccessSettings document={document} onDocumentChange={onDocumentChange} />
      {state.status === 'loading' && <p className="share-section__empty">Loading members…</p>}
      {state.status === 'error' && (
        <p className="error-text" role="alert">
          {state.message}
        </p>
      )}
      <MemberList documentId={document.id} members={membership?.members ?? null} onChange={reload} />
      <InviteLinkForm documentId={document.id} />
      <BlockedList documentId={document.id} blocked={membership?.blocked ?? null} onChange={reload} />
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  )
}
