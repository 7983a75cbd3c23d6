/** For someone signed in who has been here before: how much has happened since, and a link to see it. */
import { Link } from 'react-router'
import { LAST_VISIT, type VersionSummary } from '../http/history'
import { comparePath } from './paths'
import { versionsSince } from './last-visit'
import { versionMoment } from './version-labels'

interface LastVisitNoticeProps {
  readonly documentId: string
  readonly lastVisit: { readonly at: string }
  readonly versions: readonly VersionSummary[]
  readonly now: Date
}

export function LastVisitNotice({ documentId, lastVisit, versions, now }: LastVisitNoticeProps) {
  const since = versionsSince(versions, lastVisit.at)
  return (
    <p className="last-visit" data-testid="last-visit">
      <span>
        Your last visit was {versionMoment(lastVisit.at, now)}.{' '}
        {since === 0 ? 'No version has been recorded since.' : `${since} ${since === 1 ? 'version has' : 'versions have'} been recorded since.`}
      </span>
      <Link to={comparePath(documentId, LAST_VISIT)} data-testid="changes-since-last-visit">
        Changes since your last visit
      </Link>
    </p>
  )
}
