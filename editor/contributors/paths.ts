/**
 * The addresses of a document, its contributors page, one person's contributions and its
 * Decisions log; and the document opened at a piece of text or at a pending suggestion.
 */

export function documentPagePath(documentId: string): string {
  return `/d/${encodeURIComponent(documentId)}`
}

export function contributorsPath(documentId: string): string {
  return `${documentPagePath(documentId)}/contributors`
}

export function contributionsPath(documentId: string, username: string): string {
  return `${contributorsPath(documentId)}/${encodeURIComponent(username)}`
}

export function decisionsPath(documentId: string): string {
  return `${documentPagePath(documentId)}/decisions`
}

/**
 * How much of a passage the document page is asked to find: enough to be unique in a long
 * document, short enough for an address that stays readable when shared.
 */
export const FIND_LENGTH = 60

/** The document, scrolled to the first place `text` stands, selected (`?find=`). */
export function textInDocumentPath(documentId: string, text: string): string {
  // The words are what to find: a space before them may be gone since, and is no help in finding them.
  const start = text.trimStart()
  let end = Math.min(start.length, FIND_LENGTH)
  // Never split a surrogate pair: half an emoji could never be found.
  if (end < start.length && isHighSurrogate(start.charCodeAt(end - 1))) end--
  return `${documentPagePath(documentId)}?find=${encodeURIComponent(start.slice(0, end))}`
}

/** The document with its review panel open at one pending suggestion (`?suggestion=`). */
export function suggestionInDocumentPath(documentId: string, suggestionId: string): string {
  return `${documentPagePath(documentId)}?suggestion=${encodeURIComponent(suggestionId)}`
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
