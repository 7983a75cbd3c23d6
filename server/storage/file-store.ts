/**
 * The embedded default store, in DATA_DIR:
 *   metadata.json            every document's metadata, in lowdb (metadata.ts)
 *   documents/<id>/          each document's content: snapshots and an append-only log (update-log.ts)
 *   <kind>/<id>.json         each document's record of each kind (document-records.ts), for
 *                            example history/ and reviews/
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { lockDataDir, type DataDirLock } from './data-dir-lock'
import { Metadata } from './metadata'
import { writeFirstChange, type StoredChange } from './change-records'
import { checkDocumentId } from './document-ids'
import { OpenLogs, type OpenedLog } from './document-log'
import { DocumentRecords } from './document-records'
import { RecordKinds, type KindRecords, type RecordKind } from './record-kind'
import { UpdateLog, type LogWarning } from './update-log'
import { DocumentExistsError, DocumentNotFoundError, type DocumentMeta, type Store } from './store'

export interface FileStoreOptions {
  dataDir: string
  warn: (warning: LogWarning) => void
  /** A write that nobody waits for (a coalesced timestamp) failed. */
  onBackgroundError: (error: unknown) => void
  now?: () => Date
}

export class FileStore implements Store {
  private readonly openLogs = new OpenLogs()
  private readonly kinds = new RecordKinds(<T>(kind: RecordKind<T>) => new DocumentRecords(path.join(this.options.dataDir, kind.name), kind))

  private constructor(
    private readonly options: FileStoreOptions,
    private readonly lock: DataDirLock,
    private readonly metadata: Metadata,
  ) {}

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
    await writeFirstChange(await this.openDocument(document.id), firstChange)
    return this.metadata.create(document, this.now())
  }

  async updateDocument(id: string, change: (document: DocumentMeta) => void): Promise<DocumentMeta> {
    const updated = await this.metadata.update(id, change)
    if (!updated) throw new DocumentNotFoundError(`No document has the id "${id}".`)
    return updated
  }

  touchDocument(id: string): void {
    this.metadata.touch(id, this.now())
  }

  async openDocument(id: string): Promise<OpenedLog> {
    const directory = this.documentDirectory(id)
    return this.openLogs.open(id, (onClose) => UpdateLog.open(directory, { warn: this.options.warn, onClose }))
  }

  records<T>(kind: RecordKind<T>): KindRecords<T> {
    return this.kinds.of(kind)
  }

  async close(): Promise<void> {
    await this.metadata.close()
    await this.lock.release()
  }

  private documentDirectory(id: string): string {
    return path.join(this.options.dataDir, 'documents', checkDocumentId(id))
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))()
  }
}
