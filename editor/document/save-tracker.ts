/**
 * Knows whether every local edit has been durably stored by the server.
 *
 * The server acknowledges with "the first N update-bearing frames you sent on this
 * connection are on disk" (MESSAGE_SAVED, see model/protocol.ts). Frames and
 * edits are not one-to-one: a sync step 2 sent after reconnecting carries every edit made
 * while offline, and one edit may be sent on two connections. So we number edits, not frames:
 *
 *   localSeq  counts local Y.Doc updates (origin is not the provider);
 *   sentSeq   remembers, for the n-th update-bearing frame on the current socket, what
 *             localSeq was when it left, i.e. which edits it (at the latest) carried;
 *   savedSeq  is the highest localSeq the server has acknowledged.
 *
 * Everything is saved when savedSeq has caught up with localSeq. A new socket starts a new
 * frame count (the server counts per connection) but edits keep their numbers.
 *
 * For this to hold, recordLocalUpdate must run before the provider sends the update: register
 * the Y.Doc listener before constructing the provider (Yjs calls listeners in order).
 */
export class SaveTracker {
  #localSeq = 0
  #savedSeq = 0
  #connection = 0
  /** localSeq at each update-bearing frame of the current connection, from frame number #firstFrame + 1 on. */
  #sentSeq: number[] = []
  /** Frames acknowledged and dropped from #sentSeq, so it stays as short as the unacknowledged tail. */
  #firstFrame = 0
  readonly #listeners = new Set<() => void>()

  /** A local edit happened. */
  recordLocalUpdate(): void {
    this.#localSeq++
    this.#notify()
  }

  /** A new socket was created; returns its connection number for recordSent. */
  beginConnection(): number {
    this.#connection++
    this.#sentSeq = []
    this.#firstFrame = 0
    return this.#connection
  }

  /** An update-bearing frame left on the given connection. Frames from a replaced socket are ignored. */
  recordSent(connection: number): void {
    if (connection !== this.#connection) return
    this.#sentSeq.push(this.#localSeq)
  }

  /** The server says the first `count` update-bearing frames of the current connection are durable. */
  recordSaved(count: number): void {
    if (!Number.isSafeInteger(count) || count <= this.#firstFrame) return
    const seq = this.#sentSeq[count - this.#firstFrame - 1]
    if (seq === undefined) return // acknowledges frames we never sent: ignore rather than claim too much
    this.#sentSeq.splice(0, count - this.#firstFrame)
    this.#firstFrame = count
    if (seq > this.#savedSeq) {
      this.#savedSeq = seq
      this.#notify()
    }
  }

  get hasUnsavedChanges(): boolean {
    return this.#savedSeq < this.#localSeq
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  #notify(): void {
    for (const listener of this.#listeners) listener()
  }
}
