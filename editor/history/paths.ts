/** The addresses of a document's history, one version, and a comparison of two. */
import { documentPagePath } from '../contributors/paths'
import { CURRENT } from '../http/history'

export function historyPath(documentId: string): string {
  return `${documentPagePath(documentId)}/history`
}

export function versionPagePath(documentId: string, versionId: string): string {
  return `${documentPagePath(documentId)}/v/${encodeURIComponent(versionId)}`
}

/** `from` and `to` as the compare endpoint takes them: version ids, `last-visit` or `current`. */
export function comparePath(documentId: string, from: string, to: string = CURRENT): string {
  return `${documentPagePath(documentId)}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
}
