/**
 * Who is in the document: an avatar for each signed-in person (yours first, marked "(you)";
 * the others show their names on hover and keyboard focus), then how many people are
 * reading without an account. On phones, yours is left to the account menu beside it and
 * fewer avatars fit before the rest collapse into "+N".
 */
import type { Awareness } from 'y-protocols/awareness'
import { Avatar } from '../identity/Avatar'
import { EyeIcon } from '../ui/icons'
import { useTooltip } from '../ui/Tooltip'
import { PHONE_QUERY, useMediaQuery } from '../ui/use-media-query'
import { overflowLabel } from './overflow-label'
import type { Participant } from './participants'
import { usePresence } from './use-presence'
import './presence.css'

/** Beyond this many avatars the header would crowd the title; the rest collapse into "+N". */
const MAX_VISIBLE = 5
/** A phone's second header row also holds Share, Download and the reader count. */
const MAX_VISIBLE_ON_PHONE = 2

export function PresenceBar({ awareness }: { readonly awareness: Awareness }) {
  const { participants, anonymousReaders } = usePresence(awareness)
  const phone = useMediaQuery(PHONE_QUERY)
  const shown = phone ? participants.filter((participant) => !participant.isSelf) : participants
  const maxVisible = phone ? MAX_VISIBLE_ON_PHONE : MAX_VISIBLE
  const visible = shown.slice(0, maxVisible)
  const hidden = shown.slice(maxVisible)
  const onlyYou = participants.length === 1 && participants[0]?.isSelf === true

  return (
    <div className="presence" data-testid="presence-bar">
      {participants.length > 0 && (
        <span className="visually-hidden">{onlyYou ? 'Only you are here' : `${participants.length} signed-in people are here`}</span>
      )}
      {shown.length > 0 && (
        <ul className="presence__list">
          {visible.map((participant) => (
            <li key={participant.clientId} className="presence__item">
              <ParticipantAvatar participant={participant} />
            </li>
          ))}
          {hidden.length > 0 && (
            <li className="presence__item">
              <Overflow names={hidden.map((participant) => participant.name)} />
            </li>
          )}
        </ul>
      )}
      {anonymousReaders > 0 && <ReaderCount count={anonymousReaders} />}
    </div>
  )
}

function ParticipantAvatar({ participant }: { readonly participant: Participant }) {
  const { name, color, isSelf } = participant
  const label = isSelf ? `${name} (you)` : name
  const { triggerProps, tooltip } = useTooltip(label)
  return (
    <>
      <span
        className="presence__avatar"
        tabIndex={0}
        role="img"
        aria-label={label}
        data-testid="presence-avatar"
        data-self={isSelf ? 'true' : 'false'}
        data-name={name}
        {...triggerProps}
      >
        <Avatar name={name} color={color} />
      </span>
      {tooltip}
    </>
  )
}

function Overflow({ names }: { readonly names: readonly string[] }) {
  const label = overflowLabel(names)
  const { triggerProps, tooltip } = useTooltip(label)
  return (
    <>
      <span className="presence__avatar presence__more" tabIndex={0} role="img" aria-label={`and ${names.length} more: ${label}`} {...triggerProps}>
        +{names.length}
      </span>
      {tooltip}
    </>
  )
}

/** Anonymous readers are a number, never faces: reading in public should not mean being watched. */
function ReaderCount({ count }: { readonly count: number }) {
  const text = count === 1 ? '1 person reading' : `${count} reading`
  const { triggerProps, tooltip } = useTooltip(count === 1 ? 'Someone is reading without an account' : `${count} people are reading without an account`)
  return (
    <>
      <span className="presence__readers" tabIndex={0} data-testid="presence-readers" data-count={count} {...triggerProps}>
        <EyeIcon />
        <span className="presence__readers-text">{text}</span>
      </span>
      {tooltip}
    </>
  )
}
