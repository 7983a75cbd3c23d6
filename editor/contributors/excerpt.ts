/** A passage shortened for a list of quotes: whole if it is short, otherwise cut at a word and ended with "…". */

/** About four lines of the quote's measure: enough to recognise a passage, short enough to scan many. */
export const EXCERPT_LENGTH = 300

/**
 * How far back from the limit a space may be to cut there rather than mid-word: a word longer
 * than this (a URL) is cut where the limit falls.
 */
const WORD_SEARCH = 40

export interface Excerpt {
  readonly text: string
  readonly trimmed: boolean
}

export function excerpt(text: string, limit = EXCERPT_LENGTH): Excerpt {
  const whole = text.trim()
  if (whole.length <= limit) return { text: whole, trimmed: false }
  let end = limit
  // Never split a surrogate pair: half an emoji renders as a replacement character.
  if (isHighSurrogate(whole.charCodeAt(end - 1))) end--
  const space = whole.slice(0, end + 1).search(/\s\S*$/)
  if (space > 0 && end - space <= WORD_SEARCH) end = space
  // Trailing punctuation before the ellipsis reads as a typo (",…").
  const cut = whole.slice(0, end).replace(/[\s,;:.\u2013\u2014-]+$/u, '')
  return { text: `${cut}…`, trimmed: true }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
