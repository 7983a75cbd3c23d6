/**
 * The documents resource: list, read, create and export.
 *
 * Responses are checked here, at the edge, so the screens work with typed values and a
 * server that answers something unexpected fails loudly in one place.
 */
import type { ExportFormat } from '../../server/documents/export'
import { ApiError, requestJson } from './api-error'

export interface DocumentSummary {
  readonly id: string
  readonly title: string
  /** ISO 8601 timestamps, as the server sends them. */
  readonly createdAt: string
  readonly updatedAt: string
}

function unexpected(what: string): ApiError {
  return new ApiError('unexpected_response', `The server sent ${what} this version of Coffeehouse does not understand.`, 200)
}

function readSummary(value: unknown): DocumentSummary {
  if (typeof value !== 'object' || value === null) throw unexpected('a document')
  const { id, title, createdAt, updatedAt } = value as Record<string, unknown>
  if (typeof id !== 'string' || typeof title !== 'string' || typeof createdAt !== 'string' || typeof updatedAt !== 'string') {
    throw unexpected('a document')
  }
  return { id, title, createdAt, updatedAt }
}

function documentPath(id: string): string {
  return `/api/documents/${encodeURIComponent(id)}`
}

/**
 * Where the server renders a document as a file. It answers as an attachment named after
 * the id, so a plain link with `download` saves it without any script of ours.
 */
export function documentExportUrl(id: string, format: ExportFormat): string {
  return `${documentPath(id)}/export?format=${format}`
}

export async function listDocuments(signal?: AbortSignal): Promise<DocumentSummary[]> {
  const body = await requestJson('/api/documents', { signal })
  const documents = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).documents : undefined
  if (!Array.isArray(documents)) throw unexpected('a document list')
  return documents.map(readSummary)
}

/** Rejects with an ApiError whose status is 404 when no document has this id. */
export async function getDocument(id: string, signal?: AbortSignal): Promise<DocumentSummary> {
  return readSummary(await requestJson(documentPath(id), { signal }))
}

/** Creates a document and resolves with its id. */
export async function createDocument(title: string): Promise<string> {
  const body = await requestJson('/api/documents', { method: 'POST', body: JSON.stringify({ title }) })
  const id = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).id : undefined
  if (typeof id !== 'string') throw unexpected('a new document')
  return id
}
