/**
 * Ids name files and directories in the file store and keys elsewhere, and appear in URLs, so
 * they are kept to lowercase ASCII letters, digits and inner hyphens: every store refuses one
 * that is not a document id, so none can reach outside its place.
 */
import { InvalidDocumentIdError } from './store'

export const DOCUMENT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/

export function isDocumentId(value: string): boolean {
  return DOCUMENT_ID_PATTERN.test(value)
}

export function checkDocumentId(id: string): string {
  if (!isDocumentId(id)) throw new InvalidDocumentIdError(`"${id.slice(0, 80)}" is not a document id.`)
  return id
}
