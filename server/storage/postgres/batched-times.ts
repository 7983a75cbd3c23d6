/**
 * Times that may be written late, written together: every few seconds one statement sets every
 * time noted since the last ("last edited" of documents, the expiry of sessions). Editing touches
 * a document per keystroke, and every request refreshes its session; a row update for each would
 * multiply what they cost the database, while a crash loses only a few seconds of such times.
 */
import type pg from 'pg'
import { CoalescedWrites } from '../coalesced-writes'

/** Writes the newest time of each id; must never move a stored time back (another node may be ahead). */
export type WriteTimes = (ids: string[], times: Date[]) => Promise<void>

/** Sets `table.column` of each row whose `key` is one of the ids, in one statement, where the new time is later. */
export function laterTimes(pool: pg.Pool, table: string, key: string, column: string): WriteTimes {
  const sql = `UPDATE ${table} AS target SET ${column} = t.at FROM unnest($1::text[], $2::timestamptz[]) AS t(id, at)
    WHERE target.${key} = t.id AND target.${column} < t.at`
  return async (ids, times) => {
    await pool.query(sql, [ids, times])
  }
}

export class BatchedTimes {
  private times = new Map<string, Date>()
  /** Times being written now: still the newest a reader here may see until the write is done. */
  private writing = new Map<string, Date>()
  private readonly writes: CoalescedWrites

  constructor(delayMs: number, private readonly writeTimes: WriteTimes, onError: (error: unknown) => void) {
    this.writes = new CoalescedWrites(delayMs, () => this.write(), onError)
  }

  note(id: string, at: Date): void {
    this.times.set(id, at)
    this.writes.schedule()
  }

  /** The time noted for `id` here that may not be written yet. */
  pending(id: string): Date | undefined {
    return this.times.get(id) ?? this.writing.get(id)
  }

  forget(id: string): void {
    this.times.delete(id)
  }

  flush(): Promise<void> {
    return this.writes.flush()
  }

  private async write(): Promise<void> {
    const times = this.times
    if (times.size === 0) return
    this.times = new Map()
    this.writing = times
    try {
      await this.writeTimes([...times.keys()], [...times.values()])
    } catch (error) {
      // Kept for the next write, unless a newer time came meanwhile.
      for (const [id, at] of times) if (!this.times.has(id)) this.times.set(id, at)
      this.writes.schedule()
      throw error
    } finally {
      this.writing = new Map()
    }
  }
}
