/**
 * Asks the browser to confirm leaving while edits are not yet on the server, as Google Docs
 * does. Closing the tab then would lose them: they live only in this tab's memory.
 */
import { useEffect } from 'react'
import type { CollabSession } from './collab-session'

export function useLeaveWarning(session: CollabSession): void {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent): void => {
      if (session.tracker.hasUnsavedChanges) event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [session])
}
