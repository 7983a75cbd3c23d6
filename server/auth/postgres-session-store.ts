/**
 * Sign-in sessions in PostgreSQL, shared by every node (session-store.ts): a person who signed in
 * through one node is signed in on all of them, and signing out on one closes their connections
 * on every node (NOTIFY).
 */
import session, { type SessionData } from 'express-session'
import type pg from 'pg'
import { BatchedTimes, laterTimes } from '../storage/postgres/batched-times'
import type { Database } from '../storage/postgres/database'
import type { SessionStore } from './session-store'

const CHANNEL = 'coffeehouse_sessions_ended'

/** 60 s: losing a minute of "last seen" in a crash only makes a session end a minute early. */
const TOUCH_FLUSH_MS = 60_000

type Callback<T = void> = (error?: unknown, value?: T) => void

export class PostgresSessionStore extends session.Store implements SessionStore {
  private readonly touches: BatchedTimes
  private readonly endListeners = new Set<(sid: string) => void>()

  private constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => number,
    onError: (error: unknown) => void,
  ) {
    super()
    this.touches = new BatchedTimes(TOUCH_FLUSH_MS, laterTimes(pool, 'sessions', 'sid', 'expires'), onError)
  }

  static async open(database: Database, onError: (error: unknown) => void, now: () => number = Date.now): Promise<PostgresSessionStore> {
    const store = new PostgresSessionStore(database.pool, now, onError)
    await database.pool.query('DELETE FROM sessions WHERE expires <= $1', [new Date(now())])
    await database.notifications.listen(CHANNEL, (sid) => store.ended(sid))
    return store
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    this.pool.query<{ data: SessionData }>('SELECT data FROM sessions WHERE sid = $1 AND expires > $2', [sid, new Date(this.now())]).then(
      ({ rows }) => callback(undefined, rows[0]?.data ?? null),
      (error: unknown) => callback(error),
    )
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    this.touches.forget(sid)
    this.pool
      .query('INSERT INTO sessions (sid, expires, data) VALUES ($1, $2, $3) ON CONFLICT (sid) DO UPDATE SET expires = $2, data = $3', [
        sid,
        new Date(this.expiryOf(data)),
        JSON.stringify(data),
      ])
      .then(() => callback?.(), callback)
  }

  override destroy(sid: string, callback?: Callback): void {
    this.touches.forget(sid)
    // At once, not after the write: from this moment nothing here may act with the session.
    this.ended(sid)
    this.pool
      .query('WITH gone AS (DELETE FROM sessions WHERE sid = $1) SELECT pg_notify($2, $1)', [sid, CHANNEL])
      .then(() => callback?.(), callback)
  }

  onSessionEnded(listener: (sid: string) => void): void {
    this.endListeners.add(listener)
  }

  override touch(sid: string, data: SessionData, callback?: Callback): void {
    this.touches.note(sid, new Date(this.expiryOf(data)))
    callback?.()
  }

  async close(): Promise<void> {
    await this.touches.flush()
  }

  private ended(sid: string): void {
    for (const listener of this.endListeners) listener(sid)
  }

  private expiryOf(data: SessionData): number {
    return data.cookie.expires ? new Date(data.cookie.expires).getTime() : this.now() + (data.cookie.originalMaxAge ?? 0)
  }
}
