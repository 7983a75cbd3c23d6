/** The addresses of a document, its contributors page and one person's contributions. */

export function documentPagePath(documentId: string): string {
  return `/d/${encodeURIComponent(documentId)}`
}

export function contributorsPath(documentId: string): string {
  return `${documentPagePath(documentId)}/contributors`
}

export function contributionsPath(documentId: string, username: string): string {
  return `${contributorsPath(documentId)}/${encodeURIComponent(username)}`
}
