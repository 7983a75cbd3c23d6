/**
 * Where sign-in sessions are kept: express-session's store, and word of sessions that end.
 * file-session-store.ts keeps them in DATA_DIR; postgres-session-store.ts in PostgreSQL, shared
 * by every node. Signing in and out are written at once; the sliding expiry that every request
 * refreshes ("touch") may be written late.
 */
import type session from 'express-session'

export interface SessionStore extends session.Store {
  /**
   * Calls `listener` with the id of every session that ends (signing out, signing in again),
   * on any node, at once: from that moment nothing may act with the session.
   */
  onSessionEnded(listener: (sid: string) => void): void
  /** Writes what waits to be written. */
  close(): Promise<void>
}

declare module 'express-session' {
  interface SessionData {
    userId?: string
  }
}
