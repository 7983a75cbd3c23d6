/**
 * The records that wait for a log's next write, and the promise they share: with group commit
 * they become durable together (update-log.ts, postgres/postgres-log.ts).
 */
export interface PendingWrite {
  /** Payloads, framed only when written. */
  records: Uint8Array[]
  written: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
}

export function pendingWrite(): PendingWrite {
  let resolve = () => {}
  let reject: (error: unknown) => void = () => {}
  const written = new Promise<void>((done, fail) => {
    resolve = done
    reject = fail
  })
  return { records: [], written, resolve, reject }
}
