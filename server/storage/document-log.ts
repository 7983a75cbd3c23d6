/**
 * A document's content as storage keeps it: the newest snapshot, and the records appended
 * after it. Records and snapshots are opaque bytes here; change-records.ts says what is in
 * them. update-log.ts keeps them in files, memory-log.ts in memory.
 */

export interface DocumentLog {
  /** Bytes appended since the newest snapshot: the work a compaction would fold away. */
  readonly logBytes: number
  /** Resolves once the record is durable; records are read back in the order they were appended. */
  append(record: Uint8Array): Promise<void>
  /**
   * Folds everything appended so far into a new snapshot. `encodeSnapshot` is called once no
   * append is in flight, and must return the full document state at that moment.
   */
  compact(encodeSnapshot: () => Uint8Array): Promise<void>
  /** Writes what is pending, then closes. Later appends and compactions are refused with LogClosedError. */
  close(): Promise<void>
  /**
   * True when other processes append to this content too (several nodes sharing a database).
   * Records must then name their authors in full: author numbers (log-authors.ts) are one writer's.
   */
  readonly sharedWithOtherWriters?: boolean
  /**
   * Hands `apply` what other writers store from now on, each record once, in the order it was
   * stored: change records, or a snapshot record when what was missed was compacted away meanwhile.
   */
  onRecordsFromElsewhere?(apply: (records: Uint8Array[]) => void): void
  /** Resolves once every record other writers had stored when it was called has been handed on. */
  catchUp?(): Promise<void>
}

export interface OpenedLog {
  log: DocumentLog
  /** The newest snapshot record, if there is one. */
  snapshot: Uint8Array | null
  /** The records appended after it, oldest first. */
  records: Uint8Array[]
}

export class LogClosedError extends Error {
  override name = 'LogClosedError'
}

export class LogAlreadyOpenError extends Error {
  override name = 'LogAlreadyOpenError'
}

/**
 * One opener at a time per document: two logs appending to the same content would
 * interleave their records, and each would compact away what the other appended.
 */
export class OpenLogs {
  private readonly ids = new Set<string>()

  /** Opens through `open`, which must call `onClose` once the log it returns is closed. */
  async open(id: string, open: (onClose: () => void) => Promise<OpenedLog>): Promise<OpenedLog> {
    if (this.ids.has(id)) throw new LogAlreadyOpenError(`The log of document "${id}" is already open.`)
    this.ids.add(id)
    try {
      return await open(() => this.ids.delete(id))
    } catch (error) {
      this.ids.delete(id)
      throw error
    }
  }
}
