/**
 * One document's content in PostgreSQL (the PostgreSQL store's DocumentLog, document-log.ts):
 * the newest snapshot in document_content, and the changes after it in document_changes, one row
 * each, numbered per document without gaps (migrations.ts).
 *
 * Appends use group commit, as the file log does: records that arrive while a transaction is
 * under way wait for the next, and share its commit. An append resolves only once its
 * transaction has committed, so "All changes saved" never runs ahead of the database.
 * Compaction writes the snapshot and deletes the changes it holds in one transaction, so a
 * reader finds one or the other, never neither.
 */
import type pg from 'pg'
import { LogClosedError, type DocumentLog, type OpenedLog } from '../document-log'
import { pendingWrite, type PendingWrite } from '../pending-write'
import { RECORD_HEADER_BYTES } from '../records'
import { inTransaction } from './transaction'

interface ContentRow {
  snapshot: Buffer | null
  snapshot_through: string
}

export class PostgresLog implements DocumentLog {
  private pending: PendingWrite | null = null
  /** Transactions run one at a time, in order. */
  private queue: Promise<void> = Promise.resolve()
  private closed = false

  private constructor(
    private readonly pool: pg.Pool,
    private readonly documentId: string,
    /** The newest change number read or written here: the snapshot may fold away every change up to it. */
    private throughSeq: number,
    private bytes: number,
    private readonly onClose: () => void,
  ) {}

  static async open(pool: pg.Pool, documentId: string, onClose: () => void): Promise<OpenedLog> {
    // One consistent view: a snapshot and the changes after it as of the same moment.
    const { content, changes } = await inTransaction(pool, async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY')
      const content = await client.query<ContentRow>('SELECT snapshot, snapshot_through FROM document_content WHERE document_id = $1', [documentId])
      const through = content.rows[0]?.snapshot_through ?? '0'
      const changes = await client.query<{ seq: string; record: Buffer }>(
        'SELECT seq, record FROM document_changes WHERE document_id = $1 AND seq > $2 ORDER BY seq',
        [documentId, through],
      )
      return { content: content.rows[0], changes: changes.rows }
    })
    const records = changes.map((change) => new Uint8Array(change.record))
    const throughSeq = Number(changes.at(-1)?.seq ?? content?.snapshot_through ?? 0)
    const bytes = records.reduce((sum, record) => sum + RECORD_HEADER_BYTES + record.length, 0)
    return {
      log: new PostgresLog(pool, documentId, throughSeq, bytes, onClose),
      snapshot: content?.snapshot ? new Uint8Array(content.snapshot) : null,
      records,
    }
  }

  /** Counted as the file store counts its log, framing included, so COMPACT_LOG_BYTES means the same. */
  get logBytes(): number {
    return this.bytes
  }

  /** Resolves once the record's transaction has committed. The record must not change until then. */
  append(record: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new LogClosedError('The update log is closed.'))
    if (this.pending === null) {
      const pending = pendingWrite()
      this.pending = pending
      void this.enqueue(() => this.flush(pending))
    }
    this.pending.records.push(record)
    return this.pending.written
  }

  compact(encodeSnapshot: () => Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new LogClosedError('The update log is closed.'))
    return this.enqueue(async () => {
      const snapshot = encodeSnapshot()
      const through = this.throughSeq
      await inTransaction(this.pool, async (client) => {
        await client.query(
          `INSERT INTO document_content AS c (document_id, snapshot, snapshot_through, last_seq) VALUES ($1, $2, $3, $3)
           ON CONFLICT (document_id) DO UPDATE SET snapshot = $2, snapshot_through = $3 WHERE c.snapshot_through <= $3`,
          [this.documentId, snapshot, through],
        )
        await client.query('DELETE FROM document_changes WHERE document_id = $1 AND seq <= $2', [this.documentId, through])
      })
      this.bytes = 0
    })
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.queue
    this.onClose()
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const result = this.queue.then(operation)
    this.queue = result.catch(() => undefined)
    return result
  }

  private async flush(write: PendingWrite): Promise<void> {
    if (this.pending === write) this.pending = null
    try {
      const last = await inTransaction(this.pool, async (client) => {
        // Taking the numbers locks the document's row until commit: numbers are handed out in
        // the order their changes commit, and a failed transaction hands none out.
        const numbered = await client.query<{ last_seq: string }>(
          `INSERT INTO document_content AS c (document_id, last_seq) VALUES ($1, $2)
           ON CONFLICT (document_id) DO UPDATE SET last_seq = c.last_seq + $2 RETURNING last_seq`,
          [this.documentId, write.records.length],
        )
        const last = Number(numbered.rows[0]?.last_seq)
        await client.query(
          `INSERT INTO document_changes (document_id, seq, record)
           SELECT $1, $2::bigint + ordinality, record FROM unnest($3::bytea[]) WITH ORDINALITY AS t(record, ordinality)`,
          [this.documentId, last - write.records.length, write.records.map((record) => Buffer.from(record.buffer, record.byteOffset, record.byteLength))],
        )
        return last
      })
      this.throughSeq = last
      for (const record of write.records) this.bytes += RECORD_HEADER_BYTES + record.length
      write.resolve()
    } catch (error) {
      write.reject(error)
    }
  }
}

