/** Every version, newest first, the one the timeline is at marked. */
import type { HistoryPeople, VersionSummary } from '../http/history'
import { RenameControl } from './RenameControl'
import { VersionEntry } from './VersionEntry'

interface VersionListProps {
  readonly documentId: string
  /** Oldest first, as the server lists them. */
  readonly versions: readonly VersionSummary[]
  readonly people: HistoryPeople
  readonly chosenId: string
  readonly numberOf: (versionId: string) => number | undefined
  readonly now: Date
  /** For maintainers: naming a version from its entry; the page loads the list again after. */
  readonly onNamed: ((version: VersionSummary) => void) | null
}

export function VersionList({ documentId, versions, people, chosenId, numberOf, now, onNamed }: VersionListProps) {
  const latest = versions[versions.length - 1]
  return (
    <ol className="version-list" data-testid="version-list" reversed>
      {[...versions].reverse().map((version) => (
        <VersionEntry key={version.id} documentId={documentId} version={version} people={people} numberOf={numberOf}
          chosen={version.id === chosenId} latest={version.id === latest?.id} now={now}>
          {onNamed && <RenameControl documentId={documentId} version={version} onNamed={onNamed} />}
        </VersionEntry>
      ))}
    </ol>
  )
}
