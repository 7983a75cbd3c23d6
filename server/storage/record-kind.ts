/**
 * Records that capabilities keep per document, beside its content: suggestions keep the
 * review of each document, history its versions. Storage knows none of them: each
 * capability declares its kind (a name, the empty record, and how to check what is read
 * back), and asks the store for `store.records(kind)`.
 *
 * Records are plain JSON data, written whole, on a person's decision or once per version,
 * never per keystroke.
 */
import type { z } from 'zod'

export interface RecordKind<T> {
  /**
   * Names the kind in storage; the file store keeps its records in DATA_DIR/<name>/<id>.json.
   * Lowercase letters, digits and inner hyphens. Renaming a kind loses the records stored under
   * the old name.
   */
  readonly name: string
  /** The record of a document that has none yet. */
  empty(): T
  /** Checks a record read back from storage; throws InvalidStoredRecordError if it is not a T. */
  parse(stored: unknown): T
}

/** The records of one kind, one per document. */
export interface KindRecords<T> {
  /** The document's record (a copy), or the kind's empty record. */
  read(id: string): Promise<T>
  /**
   * Changes the record; resolves with a copy once the change is durable. The change works on a
   * copy, so a change that throws leaves the record as it was. Changes to one record made at
   * the same time all apply, one after the other.
   */
  update(id: string, change: (record: T) => void): Promise<T>
}

export class InvalidRecordKindError extends Error {
  override name = 'InvalidRecordKindError'
}

export class InvalidStoredRecordError extends Error {
  override name = 'InvalidStoredRecordError'
}

const KIND_NAME = /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/
/** Names storage uses itself: the file store's DATA_DIR/documents/ and metadata.json. */
const RESERVED_NAMES = new Set(['documents', 'metadata'])

/**
 * The records of each kind a store was asked for, made once per name: every caller of a kind
 * shares one set of records, so their changes to one record are made one after the other.
 */
export class RecordKinds {
  private readonly made = new Map<string, { kind: unknown; records: unknown }>()

  constructor(private readonly make: <T>(kind: RecordKind<T>) => KindRecords<T>) {}

  of<T>(kind: RecordKind<T>): KindRecords<T> {
    // Kind names name folders and keys: never let one reach outside its place.
    if (!KIND_NAME.test(kind.name) || RESERVED_NAMES.has(kind.name)) {
      throw new InvalidRecordKindError(`"${kind.name.slice(0, 80)}" cannot name a kind of records.`)
    }
    const made = this.made.get(kind.name)
    if (made && made.kind !== kind) throw new InvalidRecordKindError(`Two kinds of records are named "${kind.name}".`)
    // Made for this very kind object (checked above), so its records are of type T.
    if (made) return made.records as KindRecords<T>
    const records = this.make(kind)
    this.made.set(kind.name, { kind, records })
    return records
  }
}

/**
 * A `parse` that checks what was read against `schema` and returns it as it was read. Not
 * rebuilt from zod's output: that would turn a key such as "__proto__" (suggestion ids come
 * from documents) into a prototype. The schema states only what every stored record holds, so
 * that records written by earlier releases stay readable.
 */
export function checkedWith<T>(kind: string, schema: z.ZodType): (stored: unknown) => T {
  return (stored) => {
    const result = schema.safeParse(stored)
    if (!result.success) {
      const issue = result.error.issues[0]
      throw new InvalidStoredRecordError(`A stored ${kind} record is unreadable: ${issue?.path.join('.') || 'the record'}: ${issue?.message}.`)
    }
    return stored as T
  }
}
