/**
 * End-to-end propagation: when did each edit of one writer reach each reader?
 *
 * Writer and readers live in this process, so their times come from one clock
 * (performance.now). An edit is recognised at a reader by the writer's Yjs clock: the
 * writer notes its clock after each edit, and an edit has arrived once the reader holds
 * the writer's content up to that clock. Edits that only delete do not move the clock, so
 * only edits that insert are timed (they are 70% of automerge-paper); the others are still
 * sent and applied.
 */
import * as Y from 'yjs'

export class PropagationClock {
  /** Per timed edit: the writer's clock after it, and when it was sent. */
  private readonly clocks: number[] = []
  private readonly sentAt: number[] = []
  readonly latencies: number[] = []
  private readonly readers: Array<{ next: number }> = []

  constructor(
    private readonly writer: Y.Doc,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Call right after the writer's transaction (the provider has sent it synchronously). */
  edited(): void {
    const clock = Y.getState(this.writer.store, this.writer.clientID)
    if (clock === (this.clocks.at(-1) ?? 0)) return
    this.clocks.push(clock)
    this.sentAt.push(this.now())
  }

  /** Starts timing arrivals at `reader`. */
  watch(reader: Y.Doc): void {
    const cursor = { next: 0 }
    this.readers.push(cursor)
    reader.on('update', () => {
      const state = Y.getState(reader.store, this.writer.clientID)
      const arrived = this.now()
      while (cursor.next < this.clocks.length && this.clocks[cursor.next]! <= state) {
        this.latencies.push(arrived - this.sentAt[cursor.next]!)
        cursor.next++
      }
    })
  }

  get timedEdits(): number {
    return this.clocks.length
  }

  /** True once every reader has received every timed edit. */
  get complete(): boolean {
    return this.readers.every((cursor) => cursor.next === this.clocks.length)
  }
}
