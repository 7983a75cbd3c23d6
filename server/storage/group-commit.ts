/**
 * Group commit, as both logs write (update-log.ts, postgres/postgres-log.ts): records that arrive
 * while a write is under way wait for the next one, and share it; each record's promise resolves
 * once the write holding it is done, or rejects with its error. Writes, and any other operation
 * queued beside them (a compaction), run one at a time, in the order they were asked for.
 */

/** The records that wait for the next write, and the promise they share. */
interface PendingWrite {
  records: Uint8Array[]
  written: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
}

export class GroupCommit {
  private pending: PendingWrite | null = null
  private queue: Promise<void> = Promise.resolve()

  /** `write` makes the records durable, or throws; it is never called twice at once. */
  constructor(private readonly write: (records: Uint8Array[]) => Promise<void>) {}

  /** Resolves once a write holding `record` is done. The record is kept, not copied, until then. */
  add(record: Uint8Array): Promise<void> {
    if (this.pending === null) {
      const pending = pendingWrite()
      this.pending = pending
      void this.run(() => this.flush(pending))
    }
    this.pending.records.push(record)
    return this.pending.written
  }

  /** Runs `operation` once every write and operation asked for before it is done. */
  run(operation: () => Promise<void>): Promise<void> {
    const result = this.queue.then(operation)
    this.queue = result.catch(() => undefined)
    return result
  }

  /** Resolves once everything asked for so far is done. */
  idle(): Promise<void> {
    return this.queue
  }

  private async flush(pending: PendingWrite): Promise<void> {
    // Records added from here on wait for the next write.
    if (this.pending === pending) this.pending = null
    try {
      await this.write(pending.records)
      pending.resolve()
    } catch (error) {
      pending.reject(error)
    }
  }
}

function pendingWrite(): PendingWrite {
  let resolve = () => {}
  let reject: (error: unknown) => void = () => {}
  const written = new Promise<void>((done, fail) => {
    resolve = done
    reject = fail
  })
  return { records: [], written, resolve, reject }
}
