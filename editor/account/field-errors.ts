/**
 * Puts the server's answer to a form under the fields it is about.
 *
 * The server validates every form and answers `invalid_request` with one problem per field,
 * each naming its field, joined by "; ", e.g. "username: a username has 3 to 32 letters, …;
 * password: a password has at least 8 characters". Each problem goes under the field it
 * names, as a sentence. Anything else (wrong password, too many attempts, the network)
 * concerns the whole form, except ids that always concern one field (`username_taken`).
 */
import { ApiError, describeError } from '../http/api-error'

/** How each field may be named in a message, e.g. `displayName: /\bdisplay ?name\b/i`. */
export type FieldPatterns<Field extends string> = Readonly<Record<Field, RegExp>>

/** Messages by field; `form` for those about the form as a whole. */
export type FieldErrors<Field extends string> = { readonly [Key in Field | 'form']?: string }

/** "username: a username has …" under the Username field reads "A username has ….". */
function asSentence(problem: string): string {
  const text = problem.replace(/^[\w.]+:\s*/, '').trim()
  const capitalised = text.charAt(0).toLocaleUpperCase() + text.slice(1)
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`
}

/** The field a problem names first, or null when it names none. */
function fieldNamedIn<Field extends string>(problem: string, patterns: FieldPatterns<Field>): Field | null {
  let found: { field: Field; index: number } | null = null
  for (const field of Object.keys(patterns) as Field[]) {
    const index = problem.search(patterns[field])
    if (index >= 0 && (found === null || index < found.index)) found = { field, index }
  }
  return found?.field ?? null
}

export function placeErrors<Field extends string>(
  error: unknown,
  patterns: FieldPatterns<Field>,
  fixed: Readonly<Partial<Record<string, NoInfer<Field>>>> = {},
): FieldErrors<Field> {
  const message = describeError(error)
  const placed: { [Key in Field | 'form']?: string } = {}
  const fixedField = error instanceof ApiError ? fixed[error.id] : undefined
  if (fixedField !== undefined) {
    placed[fixedField] = message
    return placed
  }
  if (!(error instanceof ApiError) || error.id !== 'invalid_request') {
    placed.form = message
    return placed
  }
  for (const problem of message.split(/;\s*/).filter((part) => part.trim() !== '')) {
    const field = fieldNamedIn(problem, patterns)
    const key = field ?? 'form'
    const sentence = field ? asSentence(problem) : problem.trim()
    placed[key] = placed[key] ? `${placed[key]} ${sentence}` : sentence
  }
  return placed
}
