/**
 * Ids name files and directories in the file store and keys elsewhere: every store refuses
 * one that is not a document id, so none can reach outside its place.
 */
import { isDocumentId } from '../documents/ids'
import { InvalidDocumentIdError } from './store'

export function checkDocumentId(id: string): string {
  if (!isDocumentId(id)) throw new InvalidDocumentIdError(`"${id.slice(0, 80)}" is not a document id.`)
  return id
}
