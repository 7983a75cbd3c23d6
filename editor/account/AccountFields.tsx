/**
 * An account's fields, drawn the same wherever a form asks for them: one label, name, length
 * limit and autofill hint each. The names matter beyond looks: password managers fill by
 * them, and the server's problems name fields by them (see field-errors.ts).
 */
import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, USERNAME_MAX_LENGTH } from '../http/users'
import { TextField, type TextFieldProps } from '../ui/TextField'

type AccountFieldProps = Omit<TextFieldProps, 'label' | 'name' | 'type'>

export function DisplayNameField(props: AccountFieldProps) {
  return (
    <TextField label="Your name" name="displayName" maxLength={DISPLAY_NAME_MAX_LENGTH} autoComplete="name" {...props} />
  )
}

export function UsernameField(props: AccountFieldProps) {
  return (
    <TextField
      label="Username"
      name="username"
      maxLength={USERNAME_MAX_LENGTH}
      autoComplete="username"
      // Usernames are lowercase and not words: no capital from the phone's keyboard, no red underline.
      autoCapitalize="none"
      spellCheck={false}
      required
      {...props}
    />
  )
}

interface PasswordFieldProps extends AccountFieldProps {
  /** "current-password" to sign in, "new-password" to sign up: the password manager fills one and offers the other. */
  readonly autoComplete: 'current-password' | 'new-password'
}

export function PasswordField(props: PasswordFieldProps) {
  return (
    <TextField label="Password" name="password" type="password" maxLength={PASSWORD_MAX_LENGTH} required {...props} />
  )
}
