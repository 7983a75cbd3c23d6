/**
 * The version the timeline is at: its number, time and people, what to do with it (open it at
 * its own address, compare it with the current text, restore it), and its text, read-only,
 * with the rest of the page beside it.
 */
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { HistoryPeople, VersionSummary } from '../http/history'
import { comparePath, versionPagePath } from './paths'
import { PeopleNames } from './PeopleNames'
import { RestoreControl } from './RestoreControl'
import { useVersionPreview } from './use-version-preview'
import { changeSummary, kindLabel, versionMoment } from './version-labels'
import { VersionText } from './VersionText'

interface ChosenVersionProps {
  readonly documentId: string
  readonly version: VersionSummary
  readonly people: HistoryPeople
  readonly numberOf: (versionId: string) => number | undefined
  /** It is the newest version: its text is the current text. */
  readonly latest: boolean
  /** The visitor maintains the document: they may restore. */
  readonly curates: boolean
  readonly onRestored: (restore: VersionSummary) => void
  readonly now: Date
  /** Beside the text on wide screens, under it on narrow ones: the page's list and forms. */
  readonly aside: ReactNode
}

export function ChosenVersion({ documentId, version, people, numberOf, latest, curates, onRestored, now, aside }: ChosenVersionProps) {
  const preview = useVersionPreview(documentId, version.id)
  return (
    <div className="chosen-version" data-testid="chosen-version" data-number={version.number}>
      <div className="chosen-version__about">
        <p className="chosen-version__title">
          <strong data-testid="chosen-number">Version {version.number}</strong>
          {version.name && <span className="version-badge">Named</span>}
          {version.name && <strong className="version-entry__name">{version.name}</strong>}
          <span aria-hidden="true"> · </span>
          <time dateTime={version.at} title={new Date(version.at).toLocaleString()} data-testid="chosen-time">
            {versionMoment(version.at, now)}
          </time>
        </p>
        <p className="chosen-version__meta">
          <PeopleNames ids={version.people} people={people} />
          <span aria-hidden="true"> · </span>
          {changeSummary(version.added, version.removed)}
          <span aria-hidden="true"> · </span>
          {kindLabel(version, numberOf, people)}
        </p>
        <p className="chosen-version__actions">
          <Link to={versionPagePath(documentId, version.id)} data-testid="open-version">Open this version</Link>
          {!latest && (
            <Link to={comparePath(documentId, version.id)} data-testid="chosen-compare">Compare with current</Link>
          )}
        </p>
        {curates && !latest && <RestoreControl key={version.id} documentId={documentId} version={version} onRestored={onRestored} />}
      </div>
      <div className="history-page__body">
        <div className="history-page__text">
          {preview.status === 'error' && <p className="error-text" role="alert">This version could not be loaded. {preview.message}</p>}
          {preview.shown && (
            <div aria-busy={preview.status === 'loading'} data-testid="shown-version" data-number={preview.shown.version.number}>
              <VersionText content={preview.shown.content} label={`Text of version ${preview.shown.version.number}`} />
            </div>
          )}
        </div>
        <div className="history-page__aside">{aside}</div>
      </div>
    </div>
  )
}
