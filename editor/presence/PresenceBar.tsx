/**
 * Avatars of everyone in the document. Yours comes first, marked "(you)", and opens the
 * identity dialog; the others show their names on hover and keyboard focus.
 */
import type { Awareness } from 'y-protocols/awareness'
import { Avatar } from '../identity/Avatar'
import { useTooltip } from '../ui/Tooltip'
import type { Participant } from './participants'
import { useParticipants } from './use-participants'
import './presence.css'

/** Beyond this many avatars the header would crowd the title; the rest collapse into "+N". */
const MAX_VISIBLE = 5

interface PresenceBarProps {
  readonly awareness: Awareness
  readonly onEditIdentity: () => void
}

export function PresenceBar({ awareness, onEditIdentity }: PresenceBarProps) {
  const participants = useParticipants(awareness)
  const visible = participants.slice(0, MAX_VISIBLE)
  const hidden = participants.slice(MAX_VISIBLE)
  const count = participants.length

  return (
    <div className="presence" data-testid="presence-bar">
      <span className="visually-hidden">{count === 1 ? 'Only you are here' : `${count} people are here`}</span>
      <ul className="presence__list">
        {visible.map((participant) => (
          <li key={participant.clientId} className="presence__item">
            <ParticipantAvatar participant={participant} onEditIdentity={onEditIdentity} />
          </li>
        ))}
        {hidden.length > 0 && (
          <li className="presence__item">
            <Overflow names={hidden.map((participant) => participant.name)} />
          </li>
        )}
      </ul>
    </div>
  )
}

function ParticipantAvatar({ participant, onEditIdentity }: { participant: Participant; onEditIdentity: () => void }) {
  const { name, color, isSelf } = participant
  const { triggerProps, tooltip } = useTooltip(isSelf ? `${name} (you) · change name or colour` : name)
  const common = {
    className: 'presence__avatar',
    'data-testid': 'presence-avatar',
    'data-self': isSelf ? 'true' : 'false',
    'data-name': name,
    ...triggerProps,
  }
  return (
    <>
      {isSelf ? (
        <button type="button" {...common} aria-label={`${name} (you). Change your name or colour`} onClick={onEditIdentity}>
          <Avatar name={name} color={color} />
        </button>
      ) : (
        <span {...common} tabIndex={0} role="img" aria-label={name}>
          <Avatar name={name} color={color} />
        </span>
      )}
      {tooltip}
    </>
  )
}

function Overflow({ names }: { names: string[] }) {
  const { triggerProps, tooltip } = useTooltip(names.join(', '))
  return (
    <>
      <span className="presence__avatar presence__more" tabIndex={0} role="img" aria-label={`and ${names.join(', ')}`} {...triggerProps}>
        +{names.length}
      </span>
      {tooltip}
    </>
  )
}
