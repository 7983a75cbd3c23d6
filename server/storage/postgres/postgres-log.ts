/**
 * One document's content in PostgreSQL (the PostgreSQL store's DocumentLog, document-log.ts):
 * the newest snapshot in document_content, and the changes after it in document_changes, one row
 * each, numbered per document without gaps in the order they committed (migrations.ts).
 *
 * Appends use group commit, as the file log does: records that arrive while a transaction is
 * under way wait for the next, and share its commit. An append resolves only once its
 * transaction has committed, so "All changes saved" never runs ahead of the database.
 *
 * Several nodes may hold the document at once. Each publishes what it committed on the change
 * feed, and hands on, in order, what the others committed (change-sequence.ts), reading from the
 * database whatever the feed lost. A compaction folds away only the changes this node holds
 * without a gap, and writes the snapshot and deletes them in one transaction, so a reader finds
 * one or the other, never neither.
 */
import type pg from 'pg'
import { LogClosedError, type DocumentLog, type OpenedLog } from '../document-log'
import { GroupCommit } from '../group-commit'
import { RECORD_HEADER_BYTES } from '../records'
import type { ChangeFeed, PublishedChanges } from './change-feed'
import { ChangeSequence } from './change-sequence'
import { inTransaction } from './transaction'

/**
 * 100 ms: changes from two nodes can reach a third in the other order; the earlier one nearly
 * always follows within milliseconds, and only past this wait is the database asked for it.
 */
const GAP_WAIT_MS = 100

interface ContentRow {
  snapshot: Buffer | null
  snapshot_through: string
}

interface ChangeRow {
  seq: string
  record: Buffer
}

interface Sharing {
  feed: ChangeFeed
  stopListening: () => Promise<void>
  stopHearingOfMisses: () => void
}

export class PostgresLog implements DocumentLog {
  readonly sharedWithOtherWriters = true
  /** Appends, and compactions, one transaction at a time, in order. */
  private readonly writes = new GroupCommit((records) => this.write(records))
  private closed = false
  private bytes: number
  private readonly sequence: ChangeSequence
  private sharing: Sharing | null = null
  /** Other nodes' records that arrived before anyone asked for them. */
  private unapplied: Uint8Array[] = []
  private apply: ((records: Uint8Array[]) => void) | null = null
  private gapTimer: NodeJS.Timeout | null = null
  private catchingUp: Promise<void> | null = null

  private constructor(
    private readonly pool: pg.Pool,
    private readonly documentId: string,
    held: number,
    bytes: number,
    private readonly onClose: () => void,
  ) {
    this.sequence = new ChangeSequence(held)
    this.bytes = bytes
  }

  static async open(pool: pg.Pool, documentId: string, onClose: () => void, feed: ChangeFeed | null): Promise<OpenedLog> {
    // Listening first, reading second: a change committed in between is then both read and
    // heard, never neither. Heard twice is harmless; the sequence drops what it holds.
    let opened: PostgresLog | null = null
    const early: PublishedChanges[] = []
    const hear = (changes: PublishedChanges) => (opened ? opened.hear(changes) : early.push(changes))
    const stopListening = feed ? await feed.subscribe(documentId, hear) : null
    try {
      const { content, changes } = await readContent(pool, documentId)
      const records = changes.map((change) => new Uint8Array(change.record))
      const held = Number(changes.at(-1)?.seq ?? content?.snapshot_through ?? 0)
      opened = new PostgresLog(pool, documentId, held, records.reduce((sum, record) => sum + RECORD_HEADER_BYTES + record.length, 0), onClose)
      if (feed && stopListening) {
        const log = opened
        opened.sharing = { feed, stopListening, stopHearingOfMisses: feed.onMissed(() => void log.catchUp()) }
      }
      for (const changes of early) opened.hear(changes)
      return { log: opened, snapshot: content?.snapshot ? new Uint8Array(content.snapshot) : null, records }
    } catch (error) {
      await stopListening?.()
      throw error
    }
  }

  /** Counted as the file store counts its log, framing included, so COMPACT_LOG_BYTES means the same. */
  get logBytes(): number {
    return this.bytes
  }

  /** Resolves once the record's transaction has committed. The record must not change until then. */
  append(record: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new LogClosedError('The update log is closed.'))
    return this.writes.add(record)
  }

  compact(encodeSnapshot: () => Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new LogClosedError('The update log is closed.'))
    return this.writes.run(async () => {
      const snapshot = encodeSnapshot()
      const through = this.sequence.held
      await inTransaction(this.pool, async (client) => {
        // Another node may have folded away more already: then its snapshot stays.
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

  onRecordsFromElsewhere(apply: (records: Uint8Array[]) => void): void {
    this.apply = apply
    const records = this.unapplied
    this.unapplied = []
    if (records.length > 0) apply(records)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    if (this.gapTimer) clearTimeout(this.gapTimer)
    this.sharing?.stopHearingOfMisses()
    await this.sharing?.stopListening()
    await this.writes.idle()
    await this.catchingUp
    this.onClose()
  }

  private async write(records: Uint8Array[]): Promise<void> {
    const first = await inTransaction(this.pool, async (client) => {
      // Taking the numbers locks the document's row until commit: numbers are handed out in
      // the order their changes commit, and a failed transaction hands none out.
      const numbered = await client.query<{ last_seq: string }>(
        `INSERT INTO document_content AS c (document_id, last_seq) VALUES ($1, $2)
         ON CONFLICT (document_id) DO UPDATE SET last_seq = c.last_seq + $2 RETURNING last_seq`,
        [this.documentId, records.length],
      )
      const first = Number(numbered.rows[0]?.last_seq) - records.length + 1
      await client.query(
        `INSERT INTO document_changes (document_id, seq, record)
         SELECT $1, $2::bigint + ordinality - 1, record FROM unnest($3::bytea[]) WITH ORDINALITY AS t(record, ordinality)`,
        [this.documentId, first, records.map((record) => Buffer.from(record.buffer, record.byteOffset, record.byteLength))],
      )
      return first
    })
    for (const record of records) this.bytes += RECORD_HEADER_BYTES + record.length
    this.sharing?.feed.publish(this.documentId, { first, records })
    this.handOn(this.sequence.committed(first, records.length))
  }

  /** Changes another node published. */
  private hear({ first, records }: PublishedChanges): void {
    if (this.closed) return
    this.handOn(this.sequence.received(first, records))
    if (this.sequence.hasGap && !this.gapTimer) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null
        if (this.sequence.hasGap) void this.catchUp()
      }, GAP_WAIT_MS)
      this.gapTimer.unref()
    }
  }

  /**
   * Reads from the database every change after those held: what the feed lost, or has not brought
   * yet. A read under way may have started before the caller's moment, so a caller waits for a
   * read of its own.
   */
  catchUp(): Promise<void> {
    // Alone on the database, nobody else stores anything.
    if (!this.sharing) return Promise.resolve()
    const after = this.catchingUp ?? Promise.resolve()
    const read = after.then(() => this.readMissed())
    this.catchingUp = read
    void read.finally(() => {
      if (this.catchingUp === read) this.catchingUp = null
    })
    return read
  }

  private async readMissed(): Promise<void> {
    if (this.closed) return
    try {
      const { content, changes } = await readContent(this.pool, this.documentId, this.sequence.held)
      if (this.closed) return
      const through = Number(content?.snapshot_through ?? 0)
      // What was missed was folded into a snapshot meanwhile: the snapshot brings it.
      if (through > this.sequence.held && content?.snapshot) {
        this.sequence.skipTo(through)
        this.handOn([new Uint8Array(content.snapshot)])
      }
      const first = Number(changes[0]?.seq ?? 0)
      this.handOn(this.sequence.received(first, changes.map((change) => new Uint8Array(change.record))))
    } catch {
      // The database is away: the next change heard, or the next reconnect, tries again.
    }
  }

  private handOn(records: Uint8Array[]): void {
    if (records.length === 0) return
    for (const record of records) this.bytes += RECORD_HEADER_BYTES + record.length
    if (this.apply) this.apply(records)
    else this.unapplied.push(...records)
  }
}

/** A snapshot and the changes after it (or after `after`, if later), as of one moment. */
async function readContent(pool: pg.Pool, documentId: string, after = 0) {
  return inTransaction(pool, async (client) => {
    await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY')
    // The snapshot only when it holds changes after `after`: catching up rarely needs it, and it is the whole document.
    const content = await client.query<ContentRow>(
      'SELECT CASE WHEN snapshot_through > $2 OR $2 = 0 THEN snapshot END AS snapshot, snapshot_through FROM document_content WHERE document_id = $1',
      [documentId, after],
    )
    const from = Math.max(after, Number(content.rows[0]?.snapshot_through ?? 0))
    const changes = await client.query<ChangeRow>('SELECT seq, record FROM document_changes WHERE document_id = $1 AND seq > $2 ORDER BY seq', [documentId, from])
    return { content: content.rows[0], changes: changes.rows }
  })
}
