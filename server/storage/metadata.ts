/**
 * Document metadata in lowdb, with durable writes.
 *
 * lowdb rewrites its whole file on every write, so writes caused by editing
 * (the updatedAt timestamp) are coalesced: at most one every METADATA_FLUSH_MS.
 * Creating a document writes at once, because its caller waits for it.
 */
import path from 'node:path'
import { Low } from 'lowdb'
import { CoalescedWrites } from './coalesced-writes'
import { DurableJsonAdapter } from './durable-json-adapter'
import { DocumentExistsError, type DocumentAccess, type DocumentMeta } from './store'
import { ownValue } from './own-value'

/**
 * 60 s: every read is served from memory, so only a crash loses "last edited" times, and
 * losing a minute of them is harmless. The file holds every document, so each rewrite
 * grows with their number: with 100 documents being typed in, a rewrite every 5 s was a
 * third of all bytes written (docs/benchmarks.md, persistence).
 */
const METADATA_FLUSH_MS = 60_000

interface MetadataFile {
  version: 1
  documents: Record<string, DocumentMeta>
}

/**
 * Documents from before access settings existed could be edited by anyone; they stay
 * public and open to every signed-in contributor.
 */
const ACCESS_OF_OLDER_DOCUMENTS: DocumentAccess = { visibility: 'public', openToContributions: true, members: {}, blocked: [] }

export class Metadata {
  private readonly timestamps: CoalescedWrites

  private constructor(private readonly db: Low<MetadataFile>, onError: (error: unknown) => void) {
    this.timestamps = new CoalescedWrites(METADATA_FLUSH_MS, () => db.write(), onError)
  }

  static async open(dataDir: string, onError: (error: unknown) => void): Promise<Metadata> {
    const db = new Low<MetadataFile>(new DurableJsonAdapter(path.join(dataDir, 'metadata.json')), {
      version: 1,
      documents: {},
    })
    await db.read()
    for (const document of Object.values(db.data.documents)) document.access ??= structuredClone(ACCESS_OF_OLDER_DOCUMENTS)
    return new Metadata(db, onError)
  }

  list(): DocumentMeta[] {
    return Object.values(this.db.data.documents).map((document) => structuredClone(document))
  }

  get(id: string): DocumentMeta | undefined {
    const document = ownValue(this.db.data.documents, id)
    return document && structuredClone(document)
  }

  async create(document: Pick<DocumentMeta, 'id' | 'title' | 'access'>, now: Date): Promise<DocumentMeta> {
    if (ownValue(this.db.data.documents, document.id)) throw new DocumentExistsError(`A document with the id "${document.id}" exists.`)
    const created: DocumentMeta = { ...structuredClone(document), createdAt: now.toISOString(), updatedAt: now.toISOString() }
    this.db.data.documents[document.id] = created
    await this.db.write()
    return structuredClone(created)
  }

  async update(id: string, change: (document: DocumentMeta) => void): Promise<DocumentMeta | undefined> {
    const stored = ownValue(this.db.data.documents, id)
    if (!stored) return undefined
    // Changed on a copy, so a change that throws leaves the stored document as it was.
    const changed = structuredClone(stored)
    change(changed)
    this.db.data.documents[id] = { ...changed, id }
    await this.db.write()
    return structuredClone(this.db.data.documents[id])
  }

  touch(id: string, now: Date): void {
    const document = ownValue(this.db.data.documents, id)
    if (!document) return
    document.updatedAt = now.toISOString()
    this.timestamps.schedule()
  }

  async close(): Promise<void> {
    await this.timestamps.flush()
    await this.db.write()
  }
}
