/**
 * How authors are named and dated on screen: the tooltip of a passage, what a screen reader
 * hears about it, and the credits line under a heading. No DOM here.
 */
import type { PublicUser } from '../http/users'
import type { Credit } from './section-credits'

export interface Author {
  /** A user id; null for the starter text. */
  readonly id: string | null
  readonly name: string
  /** `#rrggbb`, safe to put in a style attribute. */
  readonly color: string
}

/** What the server wrote itself, as the server names it (server/attribution/people.ts). */
export const STARTER_TEXT = 'Starter text'
/** A neutral grey: the starter text is nobody's, and should not look like a person. */
const STARTER_COLOUR = '#8c8279'
const UNKNOWN_COLOUR = '#6b7280'
/** Colours end up in style attributes, so anything else is replaced. */
const HEX_COLOUR = /^#[\da-f]{6}$/i

export function authorOf(person: string | null, people: ReadonlyMap<string, PublicUser>): Author {
  if (person === null) return { id: null, name: STARTER_TEXT, color: STARTER_COLOUR }
  const known = people.get(person)
  if (!known) return { id: person, name: 'Unknown person', color: UNKNOWN_COLOUR }
  return { id: person, name: known.displayName, color: HEX_COLOUR.test(known.color) ? known.color : UNKNOWN_COLOUR }
}

/** "21 Nov 2026, 14:03" in the reader's own locale. */
export function timeFormat(locale?: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

export interface Written {
  readonly time: number
  /** Written moments ago and not yet in the server's index. */
  readonly pending: boolean
}

function when(written: Written, format: Intl.DateTimeFormat): string {
  return written.pending ? 'just now' : format.format(written.time)
}

/** The tooltip: "Ada Lovelace · 21 Nov 2026, 14:03". The starter text has no author or time worth showing. */
export function passageLabel(author: Author, written: Written, format: Intl.DateTimeFormat): string {
  return author.id === null ? STARTER_TEXT : `${author.name} · ${when(written, format)}`
}

/** For screen readers, which read the passage itself and then this: "Written by Ada Lovelace, 21 Nov 2026, 14:03". */
export function passageDescription(author: Author, written: Written, format: Intl.DateTimeFormat): string {
  return author.id === null ? STARTER_TEXT : `Written by ${author.name}, ${when(written, format)}`
}

/** Beyond this many names the line says "and N others": it sits under a heading and must stay one line. */
const NAMED_IN_CREDITS = 2

/**
 * "Written by Ada, Ben and 2 others", people in the order given (most characters first). The
 * starter text is not a writer: it is mentioned after them, or alone when nobody has written here.
 */
export function creditLine(credits: readonly Credit[], nameOf: (person: string) => string): string {
  const names = credits.flatMap((credit) => (credit.person === null ? [] : [nameOf(credit.person)]))
  const withStarter = names.length < credits.length
  if (names.length === 0) return withStarter ? STARTER_TEXT : ''
  const shown = names.length <= NAMED_IN_CREDITS + 1 ? names : names.slice(0, NAMED_IN_CREDITS)
  const others = names.length - shown.length
  const last = others > 0 ? `${others} others` : shown.pop()!
  const list = shown.length > 0 ? `${shown.join(', ')} and ${last}` : last
  return `Written by ${list}${withStarter ? ', with starter text' : ''}`
}
