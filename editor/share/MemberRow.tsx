/**
 * One member in the share dialog: who they are, their role (changed in place), and the two
 * ways to take access away: remove (they keep what the document offers everyone) or block
 * (nothing, and their open tabs are disconnected).
 */
import { type Member, type MemberRole, blockPerson, removeMember, setMemberRole } from '../http/members'
import { Avatar } from '../identity/Avatar'
import { usePendingAction } from '../ui/use-pending-action'
import { RoleSelect } from './RoleSelect'

interface MemberRowProps {
  readonly documentId: string
  readonly member: Member
  readonly isSelf: boolean
  /** After any change: read the list again. */
  readonly onChange: () => Promise<void>
}

export function MemberRow({ documentId, member, isSelf, onChange }: MemberRowProps) {
  const { user, role } = member
  const action = usePendingAction()

  function act(request: () => Promise<unknown>): void {
    void action.run(async () => {
      await request()
      await onChange()
    })
  }

  return (
    <li className="person-row" data-testid="member-row" data-username={user.username} data-role={role}>
      <Avatar name={user.displayName} color={user.color} />
      <span className="person-row__who">
        <span className="person-row__name">
          {user.displayName}
          {isSelf && <span className="person-row__self"> (you)</span>}
        </span>
        <span className="person-row__username">@{user.username}</span>
      </span>
      <span className="person-row__actions">
        <RoleSelect
          value={role}
          label={`Role for ${user.displayName}`}
          disabled={action.pending}
          testId="member-role"
          onChange={(next: MemberRole) => act(() => setMemberRole(documentId, user.id, next))}
        />
        <button type="button" className="button button--quiet" disabled={action.pending}
          aria-label={`Remove ${user.displayName}`} data-testid="member-remove"
          onClick={() => act(() => removeMember(documentId, user.id))}>
          Remove
        </button>
        {!isSelf && (
          <button type="button" className="button button--quiet button--danger" disabled={action.pending}
            aria-label={`Block ${user.displayName}`} data-testid="member-block"
            onClick={() => act(() => blockPerson(documentId, user.id))}>
            Block
          </button>
        )}
      </span>
      {action.error && (
        <p className="error-text person-row__error" role="alert">
          {action.error}
        </p>
      )}
    </li>
  )
}
