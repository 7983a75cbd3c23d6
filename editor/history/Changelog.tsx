/**
 * The changelog of a named version, generated from the record: since the previous named version
 * (or the start), who edited and how much, and which suggestions were accepted or rejected, why.
 */
import { useId } from 'react'
import { Link } from 'react-router'
import { PersonLink } from '../contributors/PersonLink'
import { StatusBadge } from '../decisions/StatusBadge'
import type { Changelog as ChangelogData } from '../http/history'
import { versionPagePath } from './paths'
import { changeSummary, versionMoment } from './version-labels'
import { ShareList } from './ShareList'

interface ChangelogProps {
  readonly documentId: string
  readonly changelog: ChangelogData
  readonly now: Date
}

export function Changelog({ documentId, changelog, now }: ChangelogProps) {
  const headingId = useId()
  const { since, decisions, people } = changelog
  return (
    <section className="changelog" aria-labelledby={headingId} data-testid="changelog">
      <h3 id={headingId} className="changelog__heading">Changelog</h3>
      <p className="changelog__span">
        {since === null ? (
          'Since the start'
        ) : (
          <>
            Since <Link to={versionPagePath(documentId, since.id)}>version {since.number}{since.name ? ` “${since.name}”` : ''}</Link>
            {' '}({versionMoment(since.at, now)})
          </>
        )}
        : <span data-testid="changelog-total">{changeSummary(changelog.added, changelog.removed)}</span>
      </p>
      <h4 className="changelog__subheading">Who edited</h4>
      <ShareList documentId={documentId} shares={changelog.contributors} people={people} testId="changelog-people" />
      <h4 className="changelog__subheading">Suggestions decided</h4>
      {decisions.length === 0 ? (
        <p className="changelog__none">None in this span.</p>
      ) : (
        <ul className="changelog__decisions" data-testid="changelog-decisions">
          {decisions.map((decision) => (
            <li key={decision.id} data-testid="changelog-decision" data-action={decision.action}>
              <StatusBadge outcome={decision.action} />{' '}
              {decision.suggestion.inserted && <ins className="changelog__words">{decision.suggestion.inserted}</ins>}
              {decision.suggestion.deleted && <del className="changelog__words">{decision.suggestion.deleted}</del>}
              {decision.suggestion.author !== undefined && (
                <> suggested by <PersonLink documentId={documentId} person={people[decision.suggestion.author]} /></>
              )}
              {', '}
              {decision.action} by <PersonLink documentId={documentId} person={people[decision.by]} />
              {decision.reason !== null && <span className="changelog__reason" data-testid="changelog-reason">: “{decision.reason}”</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
