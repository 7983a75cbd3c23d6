/** Maintainer or contributor, as a native select: it is the most familiar control on every device. */
import { MEMBER_ROLE_DESCRIPTIONS, ROLE_NAMES } from '../access/roles'
import { MEMBER_ROLES, type MemberRole } from '../http/members'

interface RoleSelectProps {
  readonly value: MemberRole
  readonly onChange: (role: MemberRole) => void
  /** The accessible name, e.g. "Role for Ana Pérez", when no visible <label> points at `id`. */
  readonly label?: string
  readonly id?: string
  readonly disabled?: boolean
  readonly testId?: string
}

export function RoleSelect({ value, onChange, label, id, disabled, testId }: RoleSelectProps) {
  return (
    <select
      id={id}
      className="select"
      value={value}
      aria-label={label}
      disabled={disabled}
      data-testid={testId}
      onChange={(event) => {
        const role = MEMBER_ROLES.find((candidate) => candidate === event.target.value)
        if (role) onChange(role)
      }}
    >
      {MEMBER_ROLES.map((role) => (
        <option key={role} value={role} title={MEMBER_ROLE_DESCRIPTIONS[role]}>
          {ROLE_NAMES[role]}
        </option>
      ))}
    </select>
  )
}
