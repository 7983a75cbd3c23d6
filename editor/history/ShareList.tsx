/**
 * Each person's share of a change, "+120 −30", most first: under a comparison and in a
 * changelog. The starter text (null) is named as such.
 */
import { STARTER_TEXT_NAME } from '../contributors/contributor-name'
import { PersonLink } from '../contributors/PersonLink'
import type { ChangeShare, HistoryPeople } from '../http/history'
import { sharesByWeight } from './shares'

interface ShareListProps {
  readonly documentId: string
  readonly shares: readonly ChangeShare[]
  readonly people: HistoryPeople
  readonly testId: string
}

export function ShareList({ documentId, shares, people, testId }: ShareListProps) {
  if (shares.length === 0) return <p className="changelog__none">No one changed the text.</p>
  return (
    <ul className="share-list" data-testid={testId}>
      {sharesByWeight(shares).map((share) => (
        <li key={share.person ?? 'starter'} className="share-list__item" data-testid="share" data-person={share.person === null ? '' : (people[share.person]?.username ?? '')}>
          <span className="share-list__who">
            {share.person === null ? STARTER_TEXT_NAME : <PersonLink documentId={documentId} person={people[share.person]} />}
          </span>
          <span className="share-list__added">+{share.added}</span>
          <span className="share-list__removed">{'\u2212'}{share.removed}</span>
        </li>
      ))}
    </ul>
  )
}
