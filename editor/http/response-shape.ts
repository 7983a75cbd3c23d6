/**
 * Checks on the shape of what the server answered. Every response is read through these at
 * the edge, so a server that sends something unexpected fails loudly here, with a message a
 * person can read, rather than as a blank screen three components later.
 */
import { ApiError } from './api-error'

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** The error for an answer this version of the editor cannot read; `what` names it, e.g. "a document". */
export function unexpected(what: string): ApiError {
  return new ApiError('unexpected_response', `The server sent ${what} this version of Coffeehouse does not understand.`, 200)
}

/** One field of an object answer, e.g. `user` of `{ user }`; undefined when the answer is not an object. */
export function fieldOf(body: unknown, name: string): unknown {
  return isRecord(body) ? body[name] : undefined
}

/** A string field, or the `unexpected` error naming `what`. */
export function stringOf(record: Record<string, unknown>, name: string, what: string): string {
  const value = record[name]
  if (typeof value !== 'string') throw unexpected(what)
  return value
}

/** A field whose value must be one of `choices` (a role, a visibility). */
export function choiceOf<Choice extends string>(
  record: Record<string, unknown>,
  name: string,
  choices: readonly Choice[],
  what: string,
): Choice {
  const value = record[name]
  const choice = choices.find((candidate) => candidate === value)
  if (choice === undefined) throw unexpected(what)
  return choice
}
