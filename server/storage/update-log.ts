/**
 * One document's durable history in files: a snapshot plus the changes appended after
 * it (the file store's DocumentLog, document-log.ts). The log stores opaque records;
 * change-records.ts says what is in them.
 *
 * Files in the document's directory, by generation g:
 *   snapshot-g.bin   the whole document state (one record), written atomically
 *   log-g.bin        updates appended after snapshot-g, one record each
 *
 * Appends use group commit: records that arrive while a write is on disk are
 * written together by the next write and share its fdatasync. An append's
 * promise resolves only once its record is on disk. The log file is opened with
 * O_DSYNC, so that a write returns only once its data is durable, as a write then
 * an fdatasync would: one trip to libuv's thread pool per group commit instead of
 * two, which was a third of the server's CPU per keystroke (docs/benchmarks.md,
 * update-cost).
 *
 * Compaction writes snapshot-(g+1) and switches appends to log-(g+1) before the
 * snapshot is durable, so a reader loads the newest snapshot and then every log
 * of its generation or later. Yjs updates are idempotent, so an update that is in
 * both a snapshot and a log is harmless. Old generations are removed only after
 * the new snapshot is on disk.
 */
import { constants } from 'node:fs'
import { mkdir, open, readdir, readFile, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { LogClosedError, type DocumentLog, type OpenedLog } from './document-log'
import { GroupCommit } from './group-commit'
import { decodeRecords, encodeRecord, encodeRecords } from './records'
import { removeFilesDurably, syncDirectory, truncateDurably, writeFileAtomically } from './durable-files'

const FILE_NAME = /^(snapshot|log)-(\d+)\.bin$/

/** Appending, each write durable when it returns; null where there is no O_DSYNC (Windows): then fdatasync follows each write. */
const DURABLE_APPEND = constants.O_DSYNC === undefined ? null : constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_DSYNC

export class CorruptSnapshotError extends Error {
  override name = 'CorruptSnapshotError'
}

export interface LogWarning {
  message: string
  file: string
  keptBytes: number
  discardedBytes: number
}

export interface UpdateLogOptions {
  warn: (warning: LogWarning) => void
  /** Called once the log is closed. */
  onClose?: () => void
}

export class UpdateLog implements DocumentLog {
  /** Appends, and every other file operation, one at a time, in order. */
  private readonly writes = new GroupCommit((records) => this.write(records))
  private failure: unknown = null
  private closed = false

  private constructor(
    private readonly directory: string,
    private generation: number,
    private file: FileHandle,
    private fileBytes: number,
    private readonly onClose: () => void,
  ) {}

  /** Bytes in the current log file: the work a compaction would fold away. */
  get logBytes(): number {
    return this.fileBytes
  }

  static async open(directory: string, options: UpdateLogOptions): Promise<OpenedLog> {
    await mkdir(directory, { recursive: true })
    const { snapshots, logs, stale } = await listGenerations(directory)
    const snapshotGeneration = snapshots.at(-1)
    const snapshot = snapshotGeneration === undefined ? null : await readSnapshot(path.join(directory, snapshotName(snapshotGeneration)))
    const records: Uint8Array[] = []
    const liveLogs = logs.filter((generation) => snapshotGeneration === undefined || generation >= snapshotGeneration)
    let fileBytes = 0
    for (const generation of liveLogs) {
      const file = path.join(directory, logName(generation))
      const { payloads, keptBytes } = await readLog(file, options.warn)
      records.push(...payloads)
      fileBytes = keptBytes
    }
    const generation = Math.max(snapshotGeneration ?? 0, liveLogs.at(-1) ?? 0)
    if (liveLogs.at(-1) !== generation) fileBytes = 0
    const obsolete = [
      ...stale,
      ...snapshots.filter((g) => g !== snapshotGeneration).map(snapshotName),
      ...logs.filter((g) => !liveLogs.includes(g)).map(logName),
    ]
    await removeFilesDurably(directory, obsolete)
    const file = await openForAppend(directory, generation)
    return { log: new UpdateLog(directory, generation, file, fileBytes, options.onClose ?? (() => {})), snapshot, records }
  }

  /** Resolves once the record is on disk. The record is kept, not copied, until then: it must not change. */
  append(record: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new LogClosedError('The update log is closed.'))
    if (this.failure !== null) return Promise.reject(this.failure)
    return this.writes.add(record)
  }

  /**
   * Folds the log into a new snapshot. `encodeSnapshot` is called once no write is in
   * flight, and must return the full document state at that moment.
   */
  compact(encodeSnapshot: () => Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new LogClosedError('The update log is closed.'))
    return this.writes.run(async () => {
      if (this.failure !== null) throw this.failure
      const snapshot = encodeSnapshot()
      const previous = this.generation
      const next = previous + 1
      const nextFile = await openForAppend(this.directory, next)
      await this.file.close()
      this.file = nextFile
      this.generation = next
      this.fileBytes = 0
      await writeFileAtomically(path.join(this.directory, snapshotName(next)), encodeRecord(snapshot))
      await removeFilesDurably(this.directory, [snapshotName(previous), logName(previous)])
    })
  }

  /** Writes what is buffered, then closes the file. Later appends and compactions are refused. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.writes.run(() => this.file.close()).catch(() => undefined)
    this.onClose()
  }

  private async write(records: Uint8Array[]): Promise<void> {
    try {
      if (this.failure !== null) throw this.failure
      const bytes = encodeRecords(records)
      await writeFully(this.file, bytes, this.fileBytes)
      if (DURABLE_APPEND === null) await this.file.datasync()
      this.fileBytes += bytes.length
    } catch (error) {
      await this.recoverFromFailedWrite(error)
      throw error
    }
  }

  /**
   * A failed write (a full disk, say) may leave part of a record behind, and a
   * record appended after it would then be unreadable. Cut the file back to its
   * last good length; if even that fails, refuse all further appends.
   */
  private async recoverFromFailedWrite(error: unknown): Promise<void> {
    try {
      await this.file.truncate(this.fileBytes)
      await this.file.datasync()
    } catch {
      this.failure = error
    }
  }
}


/**
 * A write may store only part of what it was given (a nearly full disk does this, without
 * an error); the rest must be written, or the error that stops it must surface.
 */
async function writeFully(file: FileHandle, bytes: Buffer, position: number): Promise<void> {
  let written = 0
  while (written < bytes.length) {
    const { bytesWritten } = await file.write(bytes, written, bytes.length - written, position + written)
    if (bytesWritten === 0) throw new Error('The disk accepted no more bytes.')
    written += bytesWritten
  }
}

async function listGenerations(directory: string) {
  const snapshots: number[] = []
  const logs: number[] = []
  const stale: string[] = []
  for (const name of await readdir(directory)) {
    const match = FILE_NAME.exec(name)
    if (match?.[1] === 'snapshot') snapshots.push(Number(match[2]))
    else if (match?.[1] === 'log') logs.push(Number(match[2]))
    else if (name.endsWith('.tmp')) stale.push(name)
  }
  const ascending = (a: number, b: number) => a - b
  return { snapshots: snapshots.sort(ascending), logs: logs.sort(ascending), stale }
}

async function readSnapshot(file: string): Promise<Uint8Array> {
  const { payloads, torn } = decodeRecords(await readFile(file))
  const state = payloads[0]
  // Snapshots are renamed into place only when complete, so damage here is not a crash tear.
  if (payloads.length !== 1 || torn || state === undefined) {
    throw new CorruptSnapshotError(`The snapshot ${file} is damaged; restore it from a backup.`)
  }
  return state
}

/** Reads a log, cutting off a torn tail and keeping its bytes beside the log for inspection. */
async function readLog(file: string, warn: (warning: LogWarning) => void) {
  const bytes = await readFile(file)
  const { payloads, intactBytes, torn } = decodeRecords(bytes)
  if (torn) {
    const tailFile = `${file}.torn-${Date.now()}`
    await writeFileAtomically(tailFile, bytes.subarray(intactBytes))
    await truncateDurably(file, intactBytes)
    warn({
      message: 'Recovered from a torn update log: kept every intact record and set the damaged tail aside.',
      file,
      keptBytes: intactBytes,
      discardedBytes: bytes.length - intactBytes,
    })
  }
  return { payloads, keptBytes: intactBytes }
}

async function openForAppend(directory: string, generation: number): Promise<FileHandle> {
  const file = path.join(directory, logName(generation))
  const handle = await open(file, DURABLE_APPEND ?? 'a')
  // The new directory entry must be durable before any append to it is acknowledged.
  await syncDirectory(directory)
  return handle
}

const snapshotName = (generation: number) => `snapshot-${generation}.bin`
const logName = (generation: number) => `log-${generation}.bin`

