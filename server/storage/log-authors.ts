/**
 * The people a document's log names, each by a small number, so that a change record carries
 * its author in a byte or two instead of a 36-character user id: a keystroke's update is about
 * 25 bytes, so the id alone would more than double what every keystroke writes.
 *
 * A number may stand for its person only once a record naming the person in full is on disk
 * ahead of it; until the write of that record is confirmed, changes keep naming the person in
 * full. A reader then always meets the name before the number, even after a failed write was
 * cut back. Snapshots carry the whole table, so records appended after a compaction may use
 * numbers named in the log it folded away. Numbers are never reused.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export class LogAuthors {
  private readonly numbers = new Map<string, number>()
  private readonly ids = new Map<number, string>()
  /** Numbers whose naming record is known to be on disk. */
  private readonly durable = new Set<number>()

  /** The person's number, assigning the next one to someone new. */
  numberOf(id: string): number {
    let number = this.numbers.get(id)
    if (number === undefined) {
      number = this.ids.size === 0 ? 0 : Math.max(...this.ids.keys()) + 1
      this.learn(number, id)
    }
    return number
  }

  idOf(number: number): string | undefined {
    return this.ids.get(number)
  }

  isDurable(number: number): boolean {
    return this.durable.has(number)
  }

  /** Call once a record naming `number` in full is on disk (or was read from it). */
  confirm(number: number): void {
    this.durable.add(number)
  }

  /** A naming read from disk or from a snapshot. */
  learn(number: number, id: string): void {
    this.numbers.set(id, number)
    this.ids.set(number, id)
  }

  encode(): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, this.ids.size)
    for (const [number, id] of this.ids) {
      encoding.writeVarUint(encoder, number)
      encoding.writeVarString(encoder, id)
    }
    return encoding.toUint8Array(encoder)
  }

  /** The table a snapshot holds; everything in it is on disk. */
  static decode(bytes: Uint8Array): LogAuthors {
    const authors = new LogAuthors()
    const decoder = decoding.createDecoder(bytes)
    const count = decoding.readVarUint(decoder)
    for (let index = 0; index < count; index++) {
      const number = decoding.readVarUint(decoder)
      authors.learn(number, decoding.readVarString(decoder))
      authors.confirm(number)
    }
    return authors
  }
}
