/**
 * The storage seam: what storage does, in its own terms. Per document it keeps content (a
 * snapshot and the records appended after it, document-log.ts), metadata (title, times,
 * access), and records of the kinds capabilities declare (record-kind.ts). The server talks to
 * this interface only. file-store.ts is the embedded default (lowdb and an append-only log per
 * document, no setup); memory-store.ts keeps everything in memory, for tests and as a reference.
 * test/storage/store-contract.ts is what every adapter must do.
 */
import type { StoredChange } from './change-records'
import type { OpenedLog } from './document-log'
import type { KindRecords, RecordKind } from './record-kind'

export type MemberRole = 'maintainer' | 'contributor'

/** Who may do what with a document; interpreted by server/auth/roles.ts. */
export interface DocumentAccess {
  /** public: anyone may read, signed in or not. members: only members (and the site admin). */
  visibility: 'public' | 'members'
  /** Any signed-in person may contribute without an invitation. */
  openToContributions: boolean
  /** User id → role. */
  members: Record<string, MemberRole>
  /** User ids who may not open the document at all while signed in. */
  blocked: string[]
}

export interface DocumentMeta {
  id: string
  title: string
  /** ISO 8601 */
  createdAt: string
  /** ISO 8601; refreshed at most every few seconds while people edit. */
  updatedAt: string
  access: DocumentAccess
}

export interface Store {
  /** Every document's metadata (copies). */
  listDocuments(): Promise<DocumentMeta[]>
  /** A copy of the document's metadata, or undefined when no document has the id. */
  getDocument(id: string): Promise<DocumentMeta | undefined>
  /**
   * Records a new document with its first change; resolves once both are durable. Content left
   * under the id without metadata (a crash between the two writes) is discarded first. Refused
   * with DocumentExistsError when the id is taken.
   */
  createDocument(document: Pick<DocumentMeta, 'id' | 'title' | 'access'>, firstChange: StoredChange): Promise<DocumentMeta>
  /**
   * Changes a document's title or access on a copy (its id stays), so a change that throws
   * leaves it as it was; resolves once durable. Refused with DocumentNotFoundError.
   */
  updateDocument(id: string, change: (document: DocumentMeta) => void): Promise<DocumentMeta>
  /** Notes that a document changed now (its updatedAt). Cheap: an adapter may write it later. */
  touchDocument(id: string): void
  /**
   * Opens a document's content (records as in change-records.ts): empty for an id with none.
   * One opener at a time per document; a second is refused with LogAlreadyOpenError.
   */
  openDocument(id: string): Promise<OpenedLog>
  /** The per-document records of a kind a capability declared. */
  records<T>(kind: RecordKind<T>): KindRecords<T>
  /** Makes everything written so far durable and lets go of the storage. */
  close(): Promise<void>
  /**
   * Calls `listener` with the id of each document whose title or access another server sharing
   * this storage changed. Only a store that several servers share says so.
   */
  onDocumentChangedElsewhere?(listener: (id: string) => void): void
}

/** Opening content, creating a document and reading or changing records refuse an id that is not a document id (server/documents/ids.ts). */
export class InvalidDocumentIdError extends Error {
  override name = 'InvalidDocumentIdError'
}

export class DocumentExistsError extends Error {
  override name = 'DocumentExistsError'
}

export class DocumentNotFoundError extends Error {
  override name = 'DocumentNotFoundError'
}
