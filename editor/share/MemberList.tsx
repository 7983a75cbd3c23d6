/** The people who may edit: the add form, then every member with their role. */
import { useUser } from '../account/account-context'
import type { Member } from '../http/members'
import { AddPersonForm } from './AddPersonForm'
import { MemberRow } from './MemberRow'

interface MemberListProps {
  readonly documentId: string
  readonly members: readonly Member[] | null
  readonly onChange: () => Promise<void>
}

export function MemberList({ documentId, members, onChange }: MemberListProps) {
  const me = useUser()
  return (
    <section className="share-section" aria-labelledby="share-members-heading">
      <h3 id="share-members-heading" className="section-heading">
        Members
      </h3>
      <AddPersonForm documentId={documentId} onAdded={onChange} />
      {members !== null && members.length === 0 && (
        <p className="share-section__empty">No members yet. Add people by username, or send them an invitation link.</p>
      )}
      {members !== null && members.length > 0 && (
        <ul className="person-list" data-testid="member-list">
          {members.map((member) => (
            <MemberRow key={member.user.id} documentId={documentId} member={member} isSelf={member.user.id === me?.id}
              onChange={onChange} />
          ))}
        </ul>
      )}
    </section>
  )
}
