/** A person's initials on their colour. Purely visual: callers supply the accessible name. */
import { initials } from './initials'
import './avatar.css'

interface AvatarProps {
  readonly name: string
  readonly color: string
  readonly size?: 'md' | 'lg'
}

export function Avatar({ name, color, size = 'md' }: AvatarProps) {
  return (
    <span className={`avatar avatar--${size}`} style={{ backgroundColor: color }} aria-hidden="true">
      {initials(name)}
    </span>
  )
}
