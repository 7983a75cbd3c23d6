/**
 * A store that keeps everything in memory: for tests, and as the reference of what a Store
 * does (store.ts), in as few lines as it takes. Nothing survives the process; everything
 * survives closing the store and opening another over the same MemoryStorage, as the file
 * store's data survives a restart.
 */
import { writeFirstChange, type StoredChange } from './change-records'
import { checkDocumentId } from './document-ids'
import { OpenLogs, type OpenedLog } from './document-log'
import { emptyContent, MemoryLog, type MemoryContent } from './memory-log'
import { MemoryRecords } from './memory-records'
import { RecordKinds, type KindRecords, type RecordKind } from './record-kind'
import { DocumentExistsError, DocumentNotFoundError, type DocumentMeta, type Store } from './store'

/** What a memory store keeps: its data directory. */
export class MemoryStorage {
  readonly documents = new Map<string, DocumentMeta>()
  readonly contents = new Map<string, MemoryContent>()
  /** Kind name → document id → record. */
  readonly records = new Map<string, Map<string, unknown>>()
}

export interface MemoryStoreOptions {
  storage?: MemoryStorage
  now?: () => Date
}

export class MemoryStore implements Store {
  readonly storage: MemoryStorage
  private readonly openLogs = new OpenLogs()
  private readonly kinds = new RecordKinds(<T>(kind: RecordKind<T>) => new MemoryRecords(this.recordsOf(kind.name), kind))
  private readonly now: () => Date

  constructor(options: MemoryStoreOptions = {}) {
    this.storage = options.storage ?? new MemoryStorage()
    this.now = options.now ?? (() => new Date())
  }

  async listDocuments(): Promise<DocumentMeta[]> {
    return [...this.storage.documents.values()].map((document) => structuredClone(document))
  }

  async getDocument(id: string): Promise<DocumentMeta | undefined> {
    const document = this.storage.documents.get(id)
    return document && structuredClone(document)
  }

  async createDocument(document: Pick<DocumentMeta, 'id' | 'title' | 'access'>, firstChange: StoredChange): Promise<DocumentMeta> {
    const id = checkDocumentId(document.id)
    this.refuseTaken(id)
    // Content without metadata is what a crash between the two writes leaves in a file store.
    this.storage.contents.delete(id)
    await writeFirstChange(await this.openDocument(id), firstChange)
    this.refuseTaken(id)
    const now = this.now().toISOString()
    const created: DocumentMeta = { ...structuredClone(document), createdAt: now, updatedAt: now }
    this.storage.documents.set(id, created)
    return structuredClone(created)
  }

  async updateDocument(id: string, change: (document: DocumentMeta) => void): Promise<DocumentMeta> {
    const stored = this.storage.documents.get(id)
    if (!stored) throw new DocumentNotFoundError(`No document has the id "${id}".`)
    const changed = structuredClone(stored)
    change(changed)
    this.storage.documents.set(id, { ...changed, id })
    return structuredClone({ ...changed, id })
  }

  touchDocument(id: string): void {
    const document = this.storage.documents.get(id)
    if (document) document.updatedAt = this.now().toISOString()
  }

  async openDocument(id: string): Promise<OpenedLog> {
    checkDocumentId(id)
    return this.openLogs.open(id, async (onClose) => {
      const content = this.storage.contents.get(id) ?? emptyContent()
      this.storage.contents.set(id, content)
      return MemoryLog.open(content, onClose)
    })
  }

  records<T>(kind: RecordKind<T>): KindRecords<T> {
    return this.kinds.of(kind)
  }

  /** Nothing to let go of: the storage is its creator's, and outlives the store. */
  async close(): Promise<void> {}

  private recordsOf(kind: string): Map<string, unknown> {
    const records = this.storage.records.get(kind) ?? new Map<string, unknown>()
    this.storage.records.set(kind, records)
    return records
  }

  private refuseTaken(id: string): void {
    if (this.storage.documents.has(id)) throw new DocumentExistsError(`A document with the id "${id}" exists.`)
  }
}
