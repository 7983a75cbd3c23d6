/** For maintainers, on a version in the list: give it a name, or change the one it has. */
import { useState } from 'react'
import { nameVersion, type VersionSummary } from '../http/history'
import { VersionNameForm } from './VersionNameForm'

interface RenameControlProps {
  readonly documentId: string
  readonly version: VersionSummary
  readonly onNamed: (version: VersionSummary) => void
}

export function RenameControl({ documentId, version, onNamed }: RenameControlProps) {
  const [open, setOpen] = useState(false)
  if (!open) {
    return (
      <button type="button" className="button button--quiet version-entry__rename" onClick={() => setOpen(true)} data-testid="rename-version">
        {version.name === null ? 'Name it' : 'Rename'}
      </button>
    )
  }
  return (
    <VersionNameForm
      submitLabel={version.name === null ? 'Name it' : 'Rename it'}
      initialName={version.name ?? ''}
      initialNote={version.note ?? ''}
      save={(name, note) => nameVersion(documentId, version.id, name, note)}
      onSaved={(named) => {
        setOpen(false)
        onNamed(named)
      }}
      onCancel={() => setOpen(false)}
    />
  )
}
