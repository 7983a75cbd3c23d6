/**
 * A version (or a last visit) that is not there. The server answers 404 for it as for a missing
 * document, but the page must not say "no such document" when only the version is wrong: the
 * document's header and the way back to its history still belong on screen.
 */
import { ApiError } from '../http/api-error'

export interface Missing {
  /** The server's sentence: "No version has the id …", "You have not visited this document before." */
  readonly missing: string
}

export function isMissing(value: unknown): value is Missing {
  return typeof value === 'object' && value !== null && 'missing' in value
}

/** Resolves with what `request` resolves with, or with Missing when the server says the version is not there. */
export async function orMissing<T>(request: Promise<T>): Promise<T | Missing> {
  try {
    return await request
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.id !== 'document_not_found') return { missing: error.message }
    throw error
  }
}
