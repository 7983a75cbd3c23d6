/**
 * The storage seam. The server talks to this interface only; the embedded default
 * (file-store.ts: lowdb for metadata, an append-only log per document) needs no setup.
 */
import type { StoredChange } from './change-records'
import type { HistoryRecord } from '../history/version-model'
import type { ReviewRecord } from '../suggestions/review-model'
import type { OpenedLog } from './update-log'

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
  listDocuments(): Promise<DocumentMeta[]>
  getDocument(id: string): Promise<DocumentMeta | undefined>
  /** Records a new document with its first change; resolves once both are on disk. */
  createDocument(document: Pick<DocumentMeta, 'id' | 'title' | 'access'>, firstChange: StoredChange): Promise<DocumentMeta>
  /** Changes a document's title or access; resolves once the change is on disk. */
  updateDocument(id: string, change: (document: DocumentMeta) => void): Promise<DocumentMeta>
  /** Notes that a document changed. Cheap: the write to disk is coalesced. */
  touchDocument(id: string): void
  /** Opens a document's update log (records as in change-records.ts). One opener at a time per document. */
  openDocument(id: string): Promise<OpenedLog>
  /** The document's review record: rationales, replies and decisions on its suggestions. */
  readReview(id: string): Promise<ReviewRecord>
  /** Changes the review record; resolves once the change is on disk. */
  updateReview(id: string, change: (review: ReviewRecord) => void): Promise<ReviewRecord>
  /** The document's history record: its versions and people's last visits. */
  readHistory(id: string): Promise<HistoryRecord>
  /** Changes the history record; resolves once the change is on disk. */
  updateHistory(id: string, change: (history: HistoryRecord) => void): Promise<HistoryRecord>
  close(): Promise<void>
}

export class DocumentExistsError extends Error {
  override name = 'DocumentExistsError'
}
