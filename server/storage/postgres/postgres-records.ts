/**
 * The PostgreSQL store's records of one kind (record-kind.ts): a row per document in
 * document_records, read and written whole.
 *
 * Changes to one record apply one after the other: in this process they wait in line, in the
 * order they were made; across nodes, each holds the row's lock from reading it to committing.
 */
import type pg from 'pg'
import { checkDocumentId } from '../document-ids'
import type { KindRecords, RecordKind } from '../record-kind'
import { inTransaction } from './transaction'

export class PostgresRecords<T> implements KindRecords<T> {
  /** Document id → the last change made to its record here, settled or not. */
  private readonly lines = new Map<string, Promise<unknown>>()

  constructor(
    private readonly pool: pg.Pool,
    private readonly kind: RecordKind<T>,
  ) {}

  async read(id: string): Promise<T> {
    const { rows } = await this.pool.query<{ record: unknown }>('SELECT record FROM document_records WHERE kind = $1 AND document_id = $2', [this.kind.name, checkDocumentId(id)])
    return rows[0] ? this.kind.parse(rows[0].record) : this.kind.empty()
  }

  async update(id: string, change: (record: T) => void): Promise<T> {
    checkDocumentId(id)
    const previous = this.lines.get(id) ?? Promise.resolve()
    const updated = previous.catch(() => undefined).then(() => this.change(id, change))
    this.lines.set(id, updated)
    const forget = () => {
      if (this.lines.get(id) === updated) this.lines.delete(id)
    }
    updated.then(forget, forget)
    return updated
  }

  private change(id: string, change: (record: T) => void): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      // The empty record first, so that there is always a row to lock.
      await client.query(`INSERT INTO document_records (kind, document_id, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        this.kind.name,
        id,
        JSON.stringify(this.kind.empty()),
      ])
      const { rows } = await client.query<{ record: unknown }>('SELECT record FROM document_records WHERE kind = $1 AND document_id = $2 FOR UPDATE', [this.kind.name, id])
      // Parsed from the database, so this is already a copy: a change that throws leaves nothing behind.
      const record = this.kind.parse(rows[0]?.record)
      change(record)
      await client.query('UPDATE document_records SET record = $3 WHERE kind = $1 AND document_id = $2', [this.kind.name, id, JSON.stringify(record)])
      return structuredClone(record)
    })
  }
}
