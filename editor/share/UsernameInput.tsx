/**
 * A username box with its "@" drawn inside, where people expect it from member lists; the
 * share dialog's "add" and "block" forms both look people up by it.
 */
import type { InputHTMLAttributes } from 'react'
import { USERNAME_MAX_LENGTH } from '../http/users'

/** People often type the @ they see in member lists; the server knows usernames without it. */
export function cleanUsername(raw: string): string {
  return raw.trim().replace(/^@/, '')
}

type UsernameInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'type'>

export function UsernameInput(props: UsernameInputProps) {
  return (
    <span className="share-form__at-input">
      <span className="share-form__at" aria-hidden="true">
        @
      </span>
      <input
        className="input"
        // One more than a username, for a typed "@".
        maxLength={USERNAME_MAX_LENGTH + 1}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="username"
        {...props}
      />
    </span>
  )
}
