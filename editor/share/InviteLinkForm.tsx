/**
 * Invitation links: choose the role and how long the link works, create it, copy it. Anyone
 * who opens the link and signs in becomes a member with that role.
 */
import { type FormEvent, useId, useState } from 'react'
import { type CreatedInvite, createInvite } from '../http/invites'
import type { MemberRole } from '../http/members'
import { usePendingAction } from '../ui/use-pending-action'
import { CopyField } from './CopyField'
import { RoleSelect } from './RoleSelect'

/** From a meeting's length to a month-long campaign; the server accepts 1 to 720 hours. */
const EXPIRIES: readonly { readonly hours: number; readonly name: string }[] = [
  { hours: 1, name: '1 hour' },
  { hours: 24, name: '1 day' },
  { hours: 24 * 7, name: '7 days' },
  { hours: 24 * 30, name: '30 days' },
]
const DEFAULT_EXPIRY_HOURS = 24 * 7

export function InviteLinkForm({ documentId }: { readonly documentId: string }) {
  const [role, setRole] = useState<MemberRole>('contributor')
  const [hours, setHours] = useState(DEFAULT_EXPIRY_HOURS)
  const [invite, setInvite] = useState<CreatedInvite | null>(null)
  const create = usePendingAction()
  const expiryId = useId()
  const roleId = useId()

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault()
    void create.run(async () => setInvite(await createInvite(documentId, role, hours)))
  }

  const expires = invite && new Date(invite.expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section className="share-section" aria-labelledby="share-invite-heading">
      <h3 id="share-invite-heading" className="section-heading">
        Invitation link
      </h3>
      <form className="share-form" onSubmit={submit} noValidate>
        <div className="share-form__row share-form__row--invite">
          <span className="share-form__field">
            <label className="field-label" htmlFor={roleId}>
              Joins as
            </label>
            <RoleSelect id={roleId} value={role} onChange={setRole} testId="invite-role" />
          </span>
          <span className="share-form__field">
            <label className="field-label" htmlFor={expiryId}>
              Link works for
            </label>
            <select id={expiryId} className="select" value={hours} data-testid="invite-expiry"
              onChange={(event) => setHours(Number(event.target.value))}>
              {EXPIRIES.map((expiry) => (
                <option key={expiry.hours} value={expiry.hours}>
                  {expiry.name}
                </option>
              ))}
            </select>
          </span>
          <button type="submit" className="button" disabled={create.pending} data-testid="invite-create">
            {create.pending ? 'Creating…' : invite ? 'Create another' : 'Create link'}
          </button>
        </div>
      </form>
      {create.error && (
        <p className="error-text" role="alert" data-testid="invite-error">
          {create.error}
        </p>
      )}
      {invite && (
        <div className="share-invite">
          <CopyField label="Invitation link" value={`${window.location.origin}${invite.url}`} testId="invite-link" />
          <p className="share-setting__hint">
            Works until {expires}. Anyone with this link can join, so share it only with the people you mean.
          </p>
        </div>
      )}
    </section>
  )
}
