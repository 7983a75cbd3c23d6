/**
 * The memory store's records of one kind (record-kind.ts): one value per document id.
 * Every change is made on a copy in one synchronous step, so a change that throws leaves the
 * record as it was, and changes made at the same time apply one after the other.
 */
import { checkDocumentId } from './document-ids'
import type { KindRecords, RecordKind } from './record-kind'

export class MemoryRecords<T> implements KindRecords<T> {
  constructor(
    /** Document id → record; kept by the storage, so it outlives this store. */
    private readonly stored: Map<string, unknown>,
    private readonly kind: RecordKind<T>,
  ) {}

  async read(id: string): Promise<T> {
    return this.current(checkDocumentId(id))
  }

  async update(id: string, change: (record: T) => void): Promise<T> {
    const changed = this.current(checkDocumentId(id))
    change(changed)
    this.stored.set(id, structuredClone(changed))
    return structuredClone(changed)
  }

  /**
   * A copy, checked by the kind as the file store checks what it reads: the record may have been
   * stored by an earlier store over the same storage.
   */
  private current(id: string): T {
    return this.stored.has(id) ? this.kind.parse(structuredClone(this.stored.get(id))) : this.kind.empty()
  }
}
