/**
 * Document metadata in lowdb, with durable writes.
 *
 * lowdb rewrites its whole file on every write, so writes caused by editing
 * (the updatedAt timestamp) are coalesced: at most one every METADATA_FLUSH_MS.
 * Creating a document writes at once, because its caller waits for it.
 */
import path from 'node:path'
import { Low } from 'lowdb'
import { DurableJsonAdapter } from './durable-json-adapter'
import { DocumentExistsError, type DocumentMeta } from './store'

/** 5 s: losing a few seconds of "last edited" after a crash is harmless; a write per keystroke is not. */
const METADATA_FLUSH_MS = 5_000

interface MetadataFile {
  version: 1
  documents: Record<string, DocumentMeta>
}

export class Metadata {
  private flushTimer: NodeJS.Timeout | null = null

  private constructor(private readonly db: Low<MetadataFile>) {}

  static async open(dataDir: string): Promise<Metadata> {
    const db = new Low<MetadataFile>(new DurableJsonAdapter(path.join(dataDir, 'metadata.json')), {
      version: 1,
      documents: {},
    })
    await db.read()
    return new Metadata(db)
  }

  list(): DocumentMeta[] {
    return Object.values(this.db.data.documents).map((document) => ({ ...document }))
  }

  get(id: string): DocumentMeta | undefined {
    const document = this.db.data.documents[id]
    return document && { ...document }
  }

  async create(id: string, title: string, now: Date): Promise<DocumentMeta> {
    if (this.db.data.documents[id]) throw new DocumentExistsError(`A document with the id "${id}" exists.`)
    const document: DocumentMeta = { id, title, createdAt: now.toISOString(), updatedAt: now.toISOString() }
    this.db.data.documents[id] = document
    await this.db.write()
    return { ...document }
  }

  touch(id: string, now: Date): void {
    const document = this.db.data.documents[id]
    if (!document) return
    document.updatedAt = now.toISOString()
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null
      void this.db.write()
    }, METADATA_FLUSH_MS)
  }

  async close(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer)
      this.flushTimer = null
    }
    await this.db.write()
  }
}
