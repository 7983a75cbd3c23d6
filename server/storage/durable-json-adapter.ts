/**
 * A lowdb adapter whose writes are durable. lowdb's own file adapter renames a
 * temp file into place but never fsyncs, so a crash can leave an empty file.
 * Writes are serialised and coalesced: while one is on disk, only the newest
 * pending data is written next.
 */
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { writeFileAtomically } from './durable-files'

export class DurableJsonAdapter<T> implements Adapter<T> {
  private writing: Promise<void> = Promise.resolve()
  private next: { data: T; done: Promise<void> } | null = null

  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as T
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  write(data: T): Promise<void> {
    if (this.next) {
      this.next.data = data
      return this.next.done
    }
    const pending: { data: T; done: Promise<void> } = { data, done: Promise.resolve() }
    pending.done = this.writing.catch(() => undefined).then(() => {
      this.next = null
      return writeFileAtomically(this.file, JSON.stringify(pending.data, null, 2))
    })
    this.next = pending
    this.writing = pending.done
    return pending.done
  }
}
