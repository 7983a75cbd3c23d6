/**
 * Each document's review record (server/suggestions/review-model.ts) in a lowdb file of its
 * own, DATA_DIR/reviews/<id>.json. It is written once per decision, reply or rationale, never
 * per keystroke, so lowdb's whole-file rewrite stays cheap.
 */
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { isDocumentId } from '../documents/ids'
import { emptyReview, type ReviewRecord } from '../suggestions/review-model'
import { DurableJsonAdapter } from './durable-json-adapter'

export class ReviewRecords {
  private readonly opened = new Map<string, Promise<Low<ReviewRecord>>>()

  constructor(private readonly directory: string) {}

  async read(id: string): Promise<ReviewRecord> {
    return structuredClone((await this.open(id)).data)
  }

  /** Changes a copy, so a change that throws leaves the record as it was; resolves once on disk. */
  async update(id: string, change: (review: ReviewRecord) => void): Promise<ReviewRecord> {
    const db = await this.open(id)
    const changed = structuredClone(db.data)
    change(changed)
    db.data = changed
    await db.write()
    return structuredClone(changed)
  }

  private open(id: string): Promise<Low<ReviewRecord>> {
    // Ids name files: never let one reach outside DATA_DIR/reviews.
    if (!isDocumentId(id)) return Promise.reject(new Error(`"${id.slice(0, 80)}" is not a document id.`))
    let opening = this.opened.get(id)
    if (!opening) {
      opening = (async () => {
        await mkdir(this.directory, { recursive: true })
        const db = new Low<ReviewRecord>(new DurableJsonAdapter(path.join(this.directory, `${id}.json`)), emptyReview())
        await db.read()
        return db
      })()
      opening.catch(() => this.opened.delete(id))
      this.opened.set(id, opening)
    }
    return opening
  }
}
