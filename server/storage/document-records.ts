/**
 * The file store's records of one kind (record-kind.ts): a small JSON file per document,
 * DATA_DIR/<kind>/<id>.json, read and written whole through lowdb. Each is written on a
 * person's decision or once per recorded version, never per keystroke, so lowdb's whole-file
 * rewrite stays cheap.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { checkDocumentId } from './document-ids'
import { DurableJsonAdapter } from './durable-json-adapter'
import type { KindRecords, RecordKind } from './record-kind'

export class DocumentRecords<T> implements KindRecords<T> {
  private readonly opened = new Map<string, Promise<Low<T>>>()

  constructor(
    private readonly directory: string,
    private readonly kind: RecordKind<T>,
  ) {}

  async read(id: string): Promise<T> {
    return structuredClone((await this.open(id)).data)
  }

  /** Changes a copy, so a change that throws leaves the record as it was; resolves once on disk. */
  async update(id: string, change: (record: T) => void): Promise<T> {
    const db = await this.open(id)
    const changed = structuredClone(db.data)
    change(changed)
    db.data = changed
    await db.write()
    return structuredClone(changed)
  }

  private async open(id: string): Promise<Low<T>> {
    checkDocumentId(id)
    let opening = this.opened.get(id)
    if (!opening) {
      opening = (async () => {
        await mkdir(this.directory, { recursive: true })
        const adapter = new DurableJsonAdapter<T>(path.join(this.directory, `${id}.json`))
        const stored = await adapter.read()
        return new Low<T>(adapter, stored === null ? this.kind.empty() : this.kind.parse(stored))
      })()
      opening.catch(() => this.opened.delete(id))
      this.opened.set(id, opening)
    }
    return opening
  }
}
