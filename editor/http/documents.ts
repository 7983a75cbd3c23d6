/**
 * The documents resource: list, read, create, change settings and export.
 *
 * Responses are checked here, at the edge, so the screens work with typed values and a
 * server that answers something unexpected fails loudly in one place.
 */
import type { ExportFormat } from '../../model/export-formats'
import { requestJson } from './api-error'
import { choiceOf, fieldOf, isRecord, stringOf, unexpected } from './response-shape'

/** Who may read: anyone with the address, or only the document's members. */
export const VISIBILITIES = ['public', 'members'] as const
export type Visibility = (typeof VISIBILITIES)[number]

/** What the caller may do with a document, strongest first. Site admins are `admin` everywhere. */
export const DOCUMENT_ROLES = ['admin', 'maintainer', 'contributor', 'reader'] as const
export type DocumentRole = (typeof DOCUMENT_ROLES)[number]

export interface DocumentSummary {
  readonly id: string
  readonly title: string
  /** ISO 8601 timestamps, as the server sends them. */
  readonly createdAt: string
  readonly updatedAt: string
  readonly visibility: Visibility
  /** Any signed-in person may edit, not only members. */
  readonly openToContributions: boolean
  /** The caller's role, not anyone else's. */
  readonly role: DocumentRole
}

/** What a maintainer may change; absent fields stay as they are. */
export interface DocumentChanges {
  readonly title?: string
  readonly visibility?: Visibility
  readonly openToContributions?: boolean
}

function readSummary(value: unknown): DocumentSummary {
  const what = 'a document'
  if (!isRecord(value) || typeof value.openToContributions !== 'boolean') throw unexpected(what)
  return {
    id: stringOf(value, 'id', what),
    title: stringOf(value, 'title', what),
    createdAt: stringOf(value, 'createdAt', what),
    updatedAt: stringOf(value, 'updatedAt', what),
    visibility: choiceOf(value, 'visibility', VISIBILITIES, what),
    openToContributions: value.openToContributions,
    role: choiceOf(value, 'role', DOCUMENT_ROLES, what),
  }
}

export function documentPath(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}`
}

/**
 * Where the server renders a document as a file. It answers as an attachment named after
 * the id, so a plain link with `download` saves it without any script of ours.
 */
export function documentExportUrl(id: string, format: ExportFormat): string {
  return `${documentPath(id)}/export?format=${format}`
}

/** The documents the caller may read (anonymous visitors: the public ones). */
export async function listDocuments(signal?: AbortSignal): Promise<DocumentSummary[]> {
  const documents = fieldOf(await requestJson('/api/documents', { signal }), 'documents')
  if (!Array.isArray(documents)) throw unexpected('a document list')
  return documents.map(readSummary)
}

/**
 * Rejects with an ApiError whose status is 404 when no document has this id, 401 when it is
 * members-only and nobody is signed in, and 403 when the caller is blocked or not a member.
 */
export async function getDocument(id: string, signal?: AbortSignal): Promise<DocumentSummary> {
  return readSummary(await requestJson(documentPath(id), { signal }))
}

/** Creates a document, with the caller as its maintainer, and resolves with its id. */
export async function createDocument(title: string): Promise<string> {
  const id = fieldOf(await requestJson('/api/documents', { method: 'POST', body: JSON.stringify({ title }) }), 'id')
  if (typeof id !== 'string') throw unexpected('a new document')
  return id
}

/** Maintainers and admins only; resolves with the document as it now is. */
export async function updateDocument(id: string, changes: DocumentChanges): Promise<DocumentSummary> {
  return readSummary(await requestJson(documentPath(id), { method: 'PATCH', body: JSON.stringify(changes) }))
}
