/**
 * "Name the current version", for maintainers. The server records the current text as a named
 * version, or names the newest version when nothing has changed since it.
 */
import { nameCurrentVersion, type VersionSummary } from '../http/history'
import { VersionNameForm } from './VersionNameForm'

interface NameVersionFormProps {
  readonly documentId: string
  readonly onNamed: (version: VersionSummary) => void
}

export function NameVersionForm({ documentId, onNamed }: NameVersionFormProps) {
  return (
    <VersionNameForm
      intro={
        <>
          <h3 className="history-page__subheading">Name the current version</h3>
          <p className="name-version__hint">A milestone everyone can find again: named versions stand out on the timeline and in the list.</p>
        </>
      }
      submitLabel="Name this version"
      save={(name, note) => nameCurrentVersion(documentId, name, note)}
      onSaved={onNamed}
    />
  )
}
