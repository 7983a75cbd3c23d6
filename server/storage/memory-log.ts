/**
 * A document's content kept in memory: the memory store's DocumentLog (document-log.ts).
 * Appends are durable as soon as they are made, for as long as the process lives.
 */
import { LogClosedError, type DocumentLog, type OpenedLog } from './document-log'
import { RECORD_HEADER_BYTES } from './records'

export interface MemoryContent {
  snapshot: Uint8Array | null
  records: Uint8Array[]
  /** Counted as the file store counts its log, framing included, so COMPACT_LOG_BYTES means the same. */
  bytes: number
}

export const emptyContent = (): MemoryContent => ({ snapshot: null, records: [], bytes: 0 })

export class MemoryLog implements DocumentLog {
  private closed = false

  private constructor(
    private readonly content: MemoryContent,
    private readonly onClose: () => void,
  ) {}

  /** Opens `content`; what is returned, like everything appended, is a copy. */
  static open(content: MemoryContent, onClose: () => void): OpenedLog {
    return {
      log: new MemoryLog(content, onClose),
      snapshot: content.snapshot && content.snapshot.slice(),
      records: content.records.map((record) => record.slice()),
    }
  }

  get logBytes(): number {
    return this.content.bytes
  }

  async append(record: Uint8Array): Promise<void> {
    this.refuseIfClosed()
    this.content.records.push(record.slice())
    this.content.bytes += RECORD_HEADER_BYTES + record.length
  }

  async compact(encodeSnapshot: () => Uint8Array): Promise<void> {
    this.refuseIfClosed()
    this.content.snapshot = encodeSnapshot().slice()
    this.content.records = []
    this.content.bytes = 0
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.onClose()
  }

  private refuseIfClosed(): void {
    if (this.closed) throw new LogClosedError('The update log is closed.')
  }
}
