/**
 * One version in the History list: its number (linking to its own page), when, who, how much it
 * changed and why it was recorded. A named version stands out with its badge, name and note.
 */
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ContributionTime } from '../contributors/ContributionTime'
import type { HistoryPeople, VersionSummary } from '../http/history'
import { comparePath, versionPagePath } from './paths'
import { PeopleNames } from './PeopleNames'
import { changeSummary, kindLabel } from './version-labels'

interface VersionEntryProps {
  readonly documentId: string
  readonly version: VersionSummary
  readonly people: HistoryPeople
  readonly numberOf: (versionId: string) => number | undefined
  /** The one the timeline is at. */
  readonly chosen: boolean
  readonly now: Date
  /** The newest version is the current text: comparing it with the current text shows nothing. */
  readonly latest: boolean
  readonly children?: ReactNode
}

export function VersionEntry({ documentId, version, people, numberOf, chosen, now, latest, children }: VersionEntryProps) {
  const named = version.name !== null
  const classes = ['version-entry', named ? 'version-entry--named' : '', chosen ? 'version-entry--chosen' : ''].filter(Boolean)
  return (
    <li className={classes.join(' ')} data-testid="version" data-number={version.number} data-kind={version.kind}
      aria-current={chosen ? 'step' : undefined}>
      <p className="version-entry__head">
        <Link to={versionPagePath(documentId, version.id)} className="version-entry__number" data-testid="version-link">
          Version {version.number}
        </Link>
        {named && (
          <>
            <span className="version-badge">Named</span>
            <strong className="version-entry__name" data-testid="version-name">{version.name}</strong>
          </>
        )}
        <span aria-hidden="true"> · </span>
        <ContributionTime iso={version.at} now={now} />
      </p>
      {version.note && <p className="version-entry__note" data-testid="version-note">{version.note}</p>}
      <p className="version-entry__meta">
        <PeopleNames ids={version.people} people={people} />
        <span aria-hidden="true"> · </span>
        <span data-testid="version-summary">{changeSummary(version.added, version.removed)}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="version-kind">{kindLabel(version, numberOf, people)}</span>
      </p>
      <div className="version-entry__actions">
        {!latest && (
          <Link to={comparePath(documentId, version.id)} data-testid="compare-with-current">
            Compare with current
          </Link>
        )}
        {children}
      </div>
    </li>
  )
}
