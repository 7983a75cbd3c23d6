/**
 * "How others see you": the display name and colour on your avatar and caret. Saved to the
 * account, so they follow the person to every browser, and reach co-writers at once.
 */
import { type FormEvent, useState } from 'react'
import { updateProfile } from '../http/account'
import type { User } from '../http/users'
import { ColourPicker } from '../identity/ColourPicker'
import { IdentityPreview } from '../identity/IdentityPreview'
import { Dialog } from '../ui/Dialog'
import { DisplayNameField } from './AccountFields'
import { useSetUser } from './account-context'
import { type FieldErrors, placeErrors } from './field-errors'

const FIELDS = { displayName: /\bdisplay ?name\b/i, color: /\bcolou?r\b/i } as const

/** Trims and collapses runs of whitespace, so "  Ana   María " is saved as "Ana María". */
function normaliseName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ')
}

export function ProfileDialog({ user, onClose }: { readonly user: User; readonly onClose: () => void }) {
  const setUser = useSetUser()
  const [displayName, setDisplayName] = useState(user.displayName)
  const [color, setColor] = useState(user.color)
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FieldErrors<keyof typeof FIELDS>>({})

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    const name = normaliseName(displayName)
    if (name === '') {
      setErrors({ displayName: 'Please enter a name, so co-writers know who is typing.' })
      return
    }
    setPending(true)
    setErrors({})
    try {
      setUser(await updateProfile({ displayName: name, color }))
      onClose()
    } catch (cause) {
      setErrors(placeErrors(cause, FIELDS))
      setPending(false)
    }
  }

  return (
    <Dialog
      title="How others see you"
      lead="Your name and colour show beside your cursor and in the list of who is here. Changes reach everyone straight away."
      onClose={onClose}
      testId="profile-dialog"
    >
      <form onSubmit={submit} noValidate>
        <IdentityPreview name={normaliseName(displayName)} color={color} />
        <DisplayNameField
          data-testid="profile-display-name"
          value={displayName}
          error={errors.displayName}
          onChange={(event) => {
            setDisplayName(event.target.value)
            setErrors({})
          }}
        />
        <ColourPicker value={color} current={user.color} onChange={setColor} />
        {(errors.color ?? errors.form) && (
          <p className="error-text" role="alert">
            {errors.color ?? errors.form}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending} data-testid="profile-save">
            {pending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
