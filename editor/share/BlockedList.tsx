/**
 * People blocked from the document: they can neither read nor edit, whatever its settings.
 * Blocking someone who is not a member (a signed-in stranger on an open document) is done
 * by username here; members are blocked from their row above.
 */
import type { PublicUser } from '../http/users'
import { unblockPerson } from '../http/members'
import { Avatar } from '../identity/Avatar'
import { usePendingAction } from '../ui/use-pending-action'
import { BlockPersonForm } from './BlockPersonForm'

interface BlockedListProps {
  readonly documentId: string
  readonly blocked: readonly PublicUser[] | null
  readonly onChange: () => Promise<void>
}

export function BlockedList({ documentId, blocked, onChange }: BlockedListProps) {
  return (
    <section className="share-section" aria-labelledby="share-blocked-heading">
      <h3 id="share-blocked-heading" className="section-heading">
        Blocked
      </h3>
      {blocked !== null && blocked.length === 0 && <p className="share-section__empty">Nobody is blocked.</p>}
      {blocked !== null && blocked.length > 0 && (
        <ul className="person-list" data-testid="blocked-list">
          {blocked.map((person) => (
            <BlockedRow key={person.id} documentId={documentId} person={person} onChange={onChange} />
          ))}
        </ul>
      )}
      <BlockPersonForm documentId={documentId} onBlocked={onChange} />
    </section>
  )
}

function BlockedRow({ documentId, person, onChange }: { documentId: string; person: PublicUser; onChange: () => Promise<void> }) {
  const unblock = usePendingAction()
  return (
    <li className="person-row" data-testid="blocked-row" data-username={person.username}>
      <Avatar name={person.displayName} color={person.color} />
      <span className="person-row__who">
        <span className="person-row__name">{person.displayName}</span>
        <span className="person-row__username">@{person.username}</span>
      </span>
      <span className="person-row__actions">
        <button type="button" className="button" disabled={unblock.pending} aria-label={`Unblock ${person.displayName}`}
          data-testid="unblock"
          onClick={() => void unblock.run(async () => {
            await unblockPerson(documentId, person.id)
            await onChange()
          })}>
          Unblock
        </button>
      </span>
      {unblock.error && (
        <p className="error-text person-row__error" role="alert">
          {unblock.error}
        </p>
      )}
    </li>
  )
}
