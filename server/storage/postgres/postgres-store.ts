/**
 * The store for several servers, selected by DATABASE_URL: everything in PostgreSQL.
 *   documents          each document's metadata
 *   document_content   each document's newest snapshot, and the numbering of its changes
 *   document_changes   the changes after it, a row each (postgres-log.ts)
 *   document_records   each document's record of each kind (postgres-records.ts)
 * The tables are made and changed by numbered migrations, run when the database opens (database.ts, migrations.ts).
 */
import type pg from 'pg'
import { encodeChange, type StoredChange } from '../change-records'
import { checkDocumentId } from '../document-ids'
import { OpenLogs, type OpenedLog } from '../document-log'
import { LogAuthors } from '../log-authors'
import { RecordKinds, type KindRecords, type RecordKind } from '../record-kind'
import { DocumentExistsError, DocumentNotFoundError, type DocumentAccess, type DocumentMeta, type Store } from '../store'
import { BatchedTimes, laterTimes } from './batched-times'
import type { ChangeFeed } from './change-feed'
import type { Database } from './database'
import { PostgresLog } from './postgres-log'
import { PostgresRecords } from './postgres-records'
import { inTransaction, isUniqueViolation } from './transaction'

export interface PostgresStoreOptions {
  database: Database
  /** How the nodes sharing the database hear of each other's changes; none for a single node. */
  feed?: ChangeFeed | null
  /** A write that nobody waits for (a "last edited" time) failed. */
  onBackgroundError: (error: unknown) => void
  now?: () => Date
}

/** 5 s: one statement per 5 s per node for "last edited", whatever the number of documents and people. */
const TOUCH_FLUSH_MS = 5_000

interface DocumentRow {
  id: string
  title: string
  access: DocumentAccess
  created_at: Date
  updated_at: Date
}

const DOCUMENT_COLUMNS = 'id, title, access, created_at, updated_at'

/** Where a node says that it changed a document's title or access: each node hears it, this one too. */
const DOCUMENTS_CHANNEL = 'coffeehouse_documents'

export class PostgresStore implements Store {
  private readonly openLogs = new OpenLogs()
  private readonly kinds = new RecordKinds(<T>(kind: RecordKind<T>) => new PostgresRecords(this.pool, kind))
  private readonly pool: pg.Pool
  private readonly database: Database
  private readonly feed: ChangeFeed | null
  private readonly now: () => Date
  private readonly touches: BatchedTimes

  /** The database is its opener's, to close after the store. */
  constructor(options: PostgresStoreOptions) {
    this.database = options.database
    this.pool = options.database.pool
    this.feed = options.feed ?? null
    this.now = options.now ?? (() => new Date())
    this.touches = new BatchedTimes(TOUCH_FLUSH_MS, laterTimes(this.pool, 'documents', 'id', 'updated_at'), options.onBackgroundError)
  }

  async listDocuments(): Promise<DocumentMeta[]> {
    const { rows } = await this.pool.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents ORDER BY created_at, id`)
    return rows.map((row) => this.toMeta(row))
  }

  async getDocument(id: string): Promise<DocumentMeta | undefined> {
    const { rows } = await this.pool.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1`, [id])
    return rows[0] && this.toMeta(rows[0])
  }

  async createDocument(document: Pick<DocumentMeta, 'id' | 'title' | 'access'>, firstChange: StoredChange): Promise<DocumentMeta> {
    const id = checkDocumentId(document.id)
    const now = this.now()
    const { record } = encodeChange(firstChange, new LogAuthors())
    try {
      // One transaction: the content left by an earlier attempt goes, the first change and the
      // metadata arrive, or nothing changes at all.
      await inTransaction(this.pool, async (client) => {
        const taken = await client.query('SELECT 1 FROM documents WHERE id = $1', [id])
        if (taken.rowCount) throw new DocumentExistsError(`A document with the id "${id}" exists.`)
        await client.query('DELETE FROM document_changes WHERE document_id = $1', [id])
        await client.query('DELETE FROM document_content WHERE document_id = $1', [id])
        await client.query('INSERT INTO document_content (document_id, last_seq) VALUES ($1, 1)', [id])
        await client.query('INSERT INTO document_changes (document_id, seq, record) VALUES ($1, 1, $2)', [id, Buffer.from(record)])
        await client.query('INSERT INTO documents (id, title, access, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)', [
          id,
          document.title,
          JSON.stringify(document.access),
          now,
        ])
      })
    } catch (error) {
      // Two nodes creating one id at once: the second to commit finds it taken.
      if (isUniqueViolation(error)) throw new DocumentExistsError(`A document with the id "${id}" exists.`)
      throw error
    }
    const at = now.toISOString()
    return { id, title: document.title, access: structuredClone(document.access), createdAt: at, updatedAt: at }
  }

  async updateDocument(id: string, change: (document: DocumentMeta) => void): Promise<DocumentMeta> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<DocumentRow>(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE id = $1 FOR UPDATE`, [id])
      if (!rows[0]) throw new DocumentNotFoundError(`No document has the id "${id}".`)
      // Built from the row, so the change works on a copy and a throw leaves the row as it was.
      const changed = this.toMeta(rows[0])
      change(changed)
      await client.query('UPDATE documents SET title = $2, access = $3 WHERE id = $1', [id, changed.title, JSON.stringify(changed.access)])
      await client.query('SELECT pg_notify($1, $2)', [DOCUMENTS_CHANNEL, id])
      return { ...changed, id }
    })
  }

  touchDocument(id: string): void {
    this.touches.note(id, this.now())
  }

  async openDocument(id: string): Promise<OpenedLog> {
    checkDocumentId(id)
    return this.openLogs.open(id, (onClose) => PostgresLog.open(this.pool, id, onClose, this.feed))
  }

  records<T>(kind: RecordKind<T>): KindRecords<T> {
    return this.kinds.of(kind)
  }

  onDocumentChangedElsewhere(listener: (id: string) => void): void {
    void this.database.notifications.listen(DOCUMENTS_CHANNEL, listener)
  }

  async close(): Promise<void> {
    await this.touches.flush()
  }

  /** A row as metadata, with a touch that is not written yet. */
  private toMeta(row: DocumentRow): DocumentMeta {
    const touched = this.touches.pending(row.id)
    const updatedAt = touched && touched > row.updated_at ? touched : row.updated_at
    return { id: row.id, title: row.title, access: row.access, createdAt: row.created_at.toISOString(), updatedAt: updatedAt.toISOString() }
  }
}
