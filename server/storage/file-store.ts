/**
 * The embedded default store: metadata in lowdb, each document's Yjs updates in
 * an append-only log under DATA_DIR/documents/<id>/. See update-log.ts.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { isDocumentId } from '../documents/ids'
import { lockDataDir, type DataDirLock } from './data-dir-lock'
import { Metadata } from './metadata'
import { encodeChange, type StoredChange } from './change-records'
import { LogAuthors } from './log-authors'
import { DocumentRecords } from './document-records'
import { UpdateLog, type LogWarning, type OpenedLog } from './update-log'
import { emptyHistory, type HistoryRecord } from '../history/version-model'
import { emptyReview, type ReviewRecord } from '../suggestions/review-model'
import { DocumentExistsError, type DocumentMeta, type Store } from './store'

export interface FileStoreOptions {
  dataDir: string
  warn: (warning: LogWarning) => void
  /** A write that nobody waits for (a coalesced timestamp) failed. */
  onBackgroundError: (error: unknown) => void
  now?: () => Date
}

export class FileStore implements Store {
  private readonly openLogs = new Set<string>()
  private readonly reviews: DocumentRecords<ReviewRecord>
  private readonly histories: DocumentRecords<HistoryRecord>

  private constructor(
    private readonly options: FileStoreOptions,
    private readonly lock: DataDirLock,
    private readonly metadata: Metadata,
  ) {
    this.reviews = new DocumentRecords(path.join(options.dataDir, 'reviews'), emptyReview)
    this.histories = new DocumentRecords(path.join(options.dataDir, 'history'), emptyHistory)
  }

  static async open(options: FileStoreOptions): Promise<FileStore> {
    const lock = await lockDataDir(options.dataDir)
    try {
      return new FileStore(options, lock, await Metadata.open(options.dataDir, options.onBackgroundError))
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  async listDocuments(): Promise<DocumentMeta[]> {
    return this.metadata.list()
  }

  async getDocument(id: string): Promise<DocumentMeta | undefined> {
    return this.metadata.get(id)
  }

  async createDocument(document: Pick<DocumentMeta, 'id' | 'title' | 'access'>, firstChange: StoredChange): Promise<DocumentMeta> {
    if (this.metadata.get(document.id)) throw new DocumentExistsError(`A document with the id "${document.id}" exists.`)
    // The content goes first: metadata that names a document without content would be
    // a broken document. Content without metadata is an orphan of a crash between the
    // two writes; it is removed so that the new document starts clean.
    await rm(this.documentDirectory(document.id), { recursive: true, force: true })
    const { log } = await this.openDocument(document.id)
    try {
      await log.append(encodeChange(firstChange, new LogAuthors()).record)
    } finally {
      await log.close()
    }
    return this.metadata.create(document, this.now())
  }

  async updateDocument(id: string, change: (document: DocumentMeta) => void): Promise<DocumentMeta> {
    const updated = await this.metadata.update(id, change)
    if (!updated) throw new Error(`No document has the id "${id}".`)
    return updated
  }

  touchDocument(id: string): void {
    this.metadata.touch(id, this.now())
  }

  async openDocument(id: string): Promise<OpenedLog> {
    if (this.openLogs.has(id)) throw new Error(`The log of document "${id}" is already open.`)
    this.openLogs.add(id)
    try {
      return await UpdateLog.open(this.documentDirectory(id), {
        warn: this.options.warn,
        onClose: () => this.openLogs.delete(id),
      })
    } catch (error) {
      this.openLogs.delete(id)
      throw error
    }
  }

  readReview(id: string): Promise<ReviewRecord> {
    return this.reviews.read(id)
  }

  updateReview(id: string, change: (review: ReviewRecord) => void): Promise<ReviewRecord> {
    return this.reviews.update(id, change)
  }

  readHistory(id: string): Promise<HistoryRecord> {
    return this.histories.read(id)
  }

  updateHistory(id: string, change: (history: HistoryRecord) => void): Promise<HistoryRecord> {
    return this.histories.update(id, change)
  }

  async close(): Promise<void> {
    await this.metadata.close()
    await this.lock.release()
  }

  private documentDirectory(id: string): string {
    // Ids name directories: never let one reach outside DATA_DIR/documents.
    if (!isDocumentId(id)) throw new Error(`"${id.slice(0, 80)}" is not a document id.`)
    return path.join(this.options.dataDir, 'documents', id)
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))()
  }
}
