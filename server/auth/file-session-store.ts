/**
 * Sessions in DATA_DIR/sessions.json, through lowdb (session-store.ts), so that a restart
 * does not sign everyone out. Signing in and out write at once; the sliding expiry
 * that every request refreshes ("touch") is coalesced into one write a minute.
 */
import path from 'node:path'
import session, { type SessionData } from 'express-session'
import { Low } from 'lowdb'
import { CoalescedWrites } from '../storage/coalesced-writes'
import { DurableJsonAdapter } from '../storage/durable-json-adapter'
import { ownValue } from '../storage/own-value'
import type { SessionStore } from './session-store'

/** 60 s: losing a minute of "last seen" in a crash only makes a session end a minute early. */
const TOUCH_FLUSH_MS = 60_000

interface StoredSession {
  /** Milliseconds since the epoch. */
  expires: number
  data: SessionData
}

interface SessionsFile {
  version: 1
  sessions: Record<string, StoredSession>
}

type Callback<T = void> = (error?: unknown, value?: T) => void

export class FileSessionStore extends session.Store implements SessionStore {
  private readonly touches: CoalescedWrites
  private readonly endListeners = new Set<(sid: string) => void>()

  private constructor(
    private readonly db: Low<SessionsFile>,
    private readonly now: () => number,
    onError: (error: unknown) => void,
  ) {
    super()
    this.touches = new CoalescedWrites(TOUCH_FLUSH_MS, () => db.write(), onError)
  }

  static async open(dataDir: string, onError: (error: unknown) => void, now: () => number = Date.now): Promise<FileSessionStore> {
    const db = new Low<SessionsFile>(new DurableJsonAdapter(path.join(dataDir, 'sessions.json')), { version: 1, sessions: {} })
    await db.read()
    const current = now()
    for (const [id, stored] of Object.entries(db.data.sessions)) if (stored.expires <= current) delete db.data.sessions[id]
    return new FileSessionStore(db, now, onError)
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    const stored = ownValue(this.db.data.sessions, sid)
    if (!stored || stored.expires <= this.now()) {
      callback(undefined, null)
      return
    }
    callback(undefined, structuredClone(stored.data))
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    this.db.data.sessions[sid] = { expires: this.expiryOf(data), data: structuredClone(data) }
    this.db.write().then(() => callback?.(), callback)
  }

  override destroy(sid: string, callback?: Callback): void {
    delete this.db.data.sessions[sid]
    // At once, not after the write: from this moment nothing may act with the session.
    for (const listener of this.endListeners) listener(sid)
    this.db.write().then(() => callback?.(), callback)
  }

  onSessionEnded(listener: (sid: string) => void): void {
    this.endListeners.add(listener)
  }

  override touch(sid: string, data: SessionData, callback?: Callback): void {
    const stored = ownValue(this.db.data.sessions, sid)
    if (stored) {
      stored.expires = this.expiryOf(data)
      this.touches.schedule()
    }
    callback?.()
  }

  async close(): Promise<void> {
    await this.touches.flush()
  }

  private expiryOf(data: SessionData): number {
    return data.cookie.expires ? new Date(data.cookie.expires).getTime() : this.now() + (data.cookie.originalMaxAge ?? 0)
  }
}
