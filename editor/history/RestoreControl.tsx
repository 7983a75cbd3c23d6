/**
 * "Restore this version", for maintainers. It asks first: restoring replaces the current text
 * (as a new version, so nothing in the history is lost, but everyone editing sees it at once).
 */
import { useState } from 'react'
import { restoreVersion, type VersionSummary } from '../http/history'
import { usePendingAction } from '../ui/use-pending-action'

interface RestoreControlProps {
  readonly documentId: string
  readonly version: VersionSummary
  readonly onRestored: (restore: VersionSummary) => void
}

export function RestoreControl({ documentId, version, onRestored }: RestoreControlProps) {
  const [confirming, setConfirming] = useState(false)
  const { pending, error, run } = usePendingAction()
  if (!confirming) {
    return (
      <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="restore">
        Restore this version
      </button>
    )
  }
  const restore = async () => {
    // run() reports only whether it worked; the answer comes out through this box.
    const answer: { version?: VersionSummary } = {}
    await run(async () => {
      answer.version = await restoreVersion(documentId, version.id)
    })
    if (answer.version === undefined) return
    setConfirming(false)
    onRestored(answer.version)
  }
  return (
    <div className="restore-confirm" role="group" aria-label="Restore this version" data-testid="restore-confirm">
      <p>
        Make version {version.number}’s text the current text? Everyone editing sees it at once. It is recorded as a new
        version, so the history keeps everything, and it can be undone by restoring again.
      </p>
      <div className="restore-confirm__actions">
        <button type="button" className="button button--primary" onClick={() => void restore()} disabled={pending}
          data-testid="confirm-restore">
          {pending ? 'Restoring…' : `Restore version ${version.number}`}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          Could not restore it. {error}
        </p>
      )}
    </div>
  )
}
