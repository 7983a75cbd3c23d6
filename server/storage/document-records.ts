/**
 * The file store's records of one kind (record-kind.ts): a small JSON file per document,
 * DATA_DIR/<kind>/<id>.json, read and written whole through lowdb. Each is written on a
 * person's decision or once per recorded version, never per keystroke, so lowdb's whole-file
 * rewrite stays cheap.
 *
 * Changes to one record are made one after the other: while a file is in use, every operation
 * on it shares one lowdb instance, and each change copies, changes and replaces its data in one
 * synchronous step before waiting for the write. The writes themselves are serialised (and
 * coalesced) by the adapter, and each change waits for a write that holds it.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { checkDocumentId } from './document-ids'
import { DurableJsonAdapter } from './durable-json-adapter'
import type { KindRecords, RecordKind } from './record-kind'

/**
 * Files kept open once no operation uses them, the most recently used ones. Not released after
 * every operation: a history record grows with its versions and is read each time one is
 * listed or recorded, and parsing the whole file every time would cost more than keeping it.
 * 32 covers the documents people work on at once on a small server, while a walk through every
 * document (a crawler reading each Decisions page) no longer keeps all of them in memory.
 */
const KEEP_OPEN = 32

interface OpenFile<T> {
  db: Promise<Low<T>>
  /** Operations under way, from their start until their write is durable. */
  users: number
}

export class DocumentRecords<T> implements KindRecords<T> {
  /** Least recently used first. */
  private readonly files = new Map<string, OpenFile<T>>()

  constructor(
    private readonly directory: string,
    private readonly kind: RecordKind<T>,
    private readonly keepOpen = KEEP_OPEN,
  ) {}

  read(id: string): Promise<T> {
    return this.use(id, (db) => structuredClone(db.data))
  }

  update(id: string, change: (record: T) => void): Promise<T> {
    return this.use(id, async (db) => {
      // Changed on a copy, so a change that throws leaves the record as it was.
      const changed = structuredClone(db.data)
      change(changed)
      db.data = changed
      await db.write()
      return structuredClone(changed)
    })
  }

  private async use<R>(id: string, operation: (db: Low<T>) => R | Promise<R>): Promise<R> {
    checkDocumentId(id)
    const file = this.files.get(id) ?? { db: this.open(id), users: 0 }
    this.files.delete(id)
    this.files.set(id, file)
    file.users++
    try {
      return await operation(await file.db.catch((error: unknown) => this.forget(id, file, error)))
    } finally {
      file.users--
      this.release()
    }
  }

  private async open(id: string): Promise<Low<T>> {
    await mkdir(this.directory, { recursive: true })
    const adapter = new DurableJsonAdapter<T>(path.join(this.directory, `${id}.json`))
    const stored = await adapter.read()
    return new Low<T>(adapter, stored === null ? this.kind.empty() : this.kind.parse(stored))
  }

  /** A file that failed to open is opened afresh next time. */
  private forget(id: string, file: OpenFile<T>, error: unknown): never {
    if (this.files.get(id) === file) this.files.delete(id)
    throw error
  }

  /**
   * Only a file nobody uses is released: until its last change is durable, opening it again
   * would read the record from before that change, and the change would be lost.
   */
  private release(): void {
    for (const [id, file] of this.files) {
      if (this.files.size <= this.keepOpen) return
      if (file.users === 0) this.files.delete(id)
    }
  }
}
