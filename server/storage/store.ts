/**
 * The storage seam. The server talks to this interface only; the embedded default
 * (file-store.ts: lowdb for metadata, an append-only log per document) needs no setup.
 */
import type { OpenedLog } from './update-log'

export interface DocumentMeta {
  id: string
  title: string
  /** ISO 8601 */
  createdAt: string
  /** ISO 8601; refreshed at most every few seconds while people edit. */
  updatedAt: string
}

export interface Store {
  listDocuments(): Promise<DocumentMeta[]>
  getDocument(id: string): Promise<DocumentMeta | undefined>
  /** Records a new document with its first state; resolves once both are on disk. */
  createDocument(document: { id: string; title: string }, initialState: Uint8Array): Promise<DocumentMeta>
  /** Notes that a document changed. Cheap: the write to disk is coalesced. */
  touchDocument(id: string): void
  /** Opens a document's update log. One opener at a time per document. */
  openDocument(id: string): Promise<OpenedLog>
  close(): Promise<void>
}

export class DocumentExistsError extends Error {
  override name = 'DocumentExistsError'
}
