/**
 * Who may read (everyone, or members only) and whether any signed-in person may contribute.
 * Each change is saved as soon as it is made. The control shows the new value while the
 * server answers, and goes back if the server refuses.
 */
import { useId, useState } from 'react'
import { type DocumentChanges, type DocumentSummary, updateDocument, type Visibility } from '../http/documents'
import { usePendingAction } from '../ui/use-pending-action'

interface AccessSettingsProps {
  readonly document: DocumentSummary
  readonly onDocumentChange: (document: DocumentSummary) => void
}

const VISIBILITY_HINTS: Readonly<Record<Visibility, string>> = {
  public: 'Anyone with the link can read it, without an account.',
  members: 'Only its members (and site admins) can open it.',
}

export function AccessSettings({ document, onDocumentChange }: AccessSettingsProps) {
  const save = usePendingAction()
  const [sending, setSending] = useState<DocumentChanges | null>(null)
  const visibilityId = useId()
  const visibilityHintId = useId()
  const openHintId = useId()
  const shown = { ...document, ...sending }

  async function change(changes: DocumentChanges): Promise<void> {
    setSending(changes)
    await save.run(async () => onDocumentChange(await updateDocument(document.id, changes)))
    setSending(null)
  }

  return (
    <section className="share-section" aria-labelledby={`${visibilityId}-heading`}>
      <h3 id={`${visibilityId}-heading`} className="section-heading">
        General access
      </h3>
      <div className="share-setting">
        <label className="share-setting__label" htmlFor={visibilityId}>
          Who can read
        </label>
        <select
          id={visibilityId}
          className="select"
          value={shown.visibility}
          disabled={save.pending}
          aria-describedby={visibilityHintId}
          data-testid="visibility-select"
          onChange={(event) => void change({ visibility: event.target.value === 'members' ? 'members' : 'public' })}
        >
          <option value="public">Anyone with the link</option>
          <option value="members">Members only</option>
        </select>
        <p id={visibilityHintId} className="share-setting__hint">
          {VISIBILITY_HINTS[shown.visibility]}
        </p>
      </div>
      <div className="share-setting share-setting--switch">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            className="switch__input"
            checked={shown.openToContributions}
            disabled={save.pending}
            aria-describedby={openHintId}
            data-testid="open-to-contributions"
            onChange={(event) => void change({ openToContributions: event.target.checked })}
          />
          <span className="switch__track" aria-hidden="true" />
          <span className="share-setting__label">Open to contributions</span>
        </label>
        <p id={openHintId} className="share-setting__hint">
          {shown.openToContributions
            ? 'Anyone who is signed in and can read it may edit it, not only its members.'
            : 'Only members may edit. Everyone else who can read it reads only.'}
        </p>
      </div>
      {save.error && (
        <p className="error-text" role="alert" data-testid="access-error">
          {save.error}
        </p>
      )}
    </section>
  )
}
