/**
 * A small JSON record per document in a lowdb file of its own, DATA_DIR/<kind>/<id>.json: the
 * review record (suggestions) and the history record (versions). Each is written on a person's
 * decision or once per recorded version, never per keystroke, so lowdb's whole-file rewrite
 * stays cheap.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { isDocumentId } from '../documents/ids'
import { DurableJsonAdapter } from './durable-json-adapter'

export class DocumentRecords<T> {
  private readonly opened = new Map<string, Promise<Low<T>>>()

  constructor(
    private readonly directory: string,
    private readonly empty: () => T,
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

  private open(id: string): Promise<Low<T>> {
    // Ids name files: never let one reach outside the records' directory.
    if (!isDocumentId(id)) return Promise.reject(new Error(`"${id.slice(0, 80)}" is not a document id.`))
    let opening = this.opened.get(id)
    if (!opening) {
      opening = (async () => {
        await mkdir(this.directory, { recursive: true })
        const db = new Low<T>(new DurableJsonAdapter(path.join(this.directory, `${id}.json`)), this.empty())
        await db.read()
        return db
      })()
      opening.catch(() => this.opened.delete(id))
      this.opened.set(id, opening)
    }
    return opening
  }
}
