/**
 * Opens a CollabSession for the lifetime of the component.
 *
 * The session is created inside the effect, never during render: React may render twice or
 * throw a render away, and an orphaned provider would keep a socket open. In StrictMode the
 * effect runs, cleans up and runs again; each run owns the session it created, so the first
 * is fully destroyed and the second is the one that stays.
 */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { type Closure, CollabSession } from './collab-session'
import type { SaveState } from './save-status'

/**
 * `generation` starts a new session when it changes: after the server refused a change
 * (4422), the tab's Y.Doc holds it and must be replaced by a fresh copy from the server.
 */
export function useCollabSession(documentId: string, generation = 0): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null)
  useEffect(() => {
    const created = new CollabSession(documentId)
    setSession(created)
    return () => {
      setSession(null)
      created.destroy()
    }
  }, [documentId, generation])
  return session
}

export interface ConnectionView {
  readonly saveState: SaveState
  readonly hasConnected: boolean
  readonly closure: Closure | null
}

/**
 * Re-renders when the save state, the first connection or a final close changes. The save
 * state changes twice a keystroke ("Saving…", "All changes saved"), so only the status line
 * reads it, not the whole page.
 */
export function useConnectionView(session: CollabSession): ConnectionView {
  const saveState = useSyncExternalStore(session.subscribe, () => session.saveState)
  const hasConnected = useSyncExternalStore(session.subscribe, () => session.hasConnected)
  const closure = useSyncExternalStore(session.subscribe, () => session.closure)
  return { saveState, hasConnected, closure }
}

export interface ConnectionFate {
  readonly closure: Closure | null
  readonly accessChanges: number
}

/** Re-renders only when the server ends the connection for good or says this person's role changed. */
export function useConnectionFate(session: CollabSession): ConnectionFate {
  const closure = useSyncExternalStore(session.subscribe, () => session.closure)
  const accessChanges = useSyncExternalStore(session.subscribe, () => session.accessChanges)
  return { closure, accessChanges }
}

const noSubscription = () => () => {}

/** True once the session has its first copy of the document, or has been refused for good. */
export function useSessionReady(session: CollabSession | null): boolean {
  return useSyncExternalStore(session?.subscribe ?? noSubscription, () =>
    session === null ? false : session.hasSynced || session.closure !== null,
  )
}
