/**
 * The newest version, as the server announces it in the document's room: its presence entry
 * carries `history: { latest: <version id> }` (docs/PROTOCOL.md), updated each time a version is
 * recorded, so an open History page learns of one without being asked.
 *
 * Hearing it means joining the room: the page syncs a copy of the document it never shows or
 * edits, and publishes no presence of its own. The server counts this as part of the person's
 * visit (docs/history.md), so a look at the history does not reset "changes since your last visit".
 */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** The collaboration endpoint on the page's own origin, as the document page reaches it. */
function collabUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
}

/** The id of the newest version the room has announced; '' until it announces one. */
export function useLatestVersion(documentId: string): string {
  const [latest, setLatest] = useState('')
  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(collabUrl(window.location), encodeURIComponent(documentId), doc, {
      // Another tab's copy is of no use here, and the page never writes.
      disableBc: true,
    })
    // Nobody is "in the document" for reading its history: no caret, no name on the presence bar.
    provider.awareness.setLocalState(null)
    const read = () => setLatest(readLatest(provider.awareness))
    provider.awareness.on('change', read)
    return () => {
      provider.awareness.off('change', read)
      provider.destroy()
      doc.destroy()
    }
  }, [documentId])
  return latest
}

function readLatest(awareness: Awareness): string {
  for (const state of awareness.getStates().values()) {
    const history: unknown = state.history
    if (typeof history === 'object' && history !== null && typeof (history as { latest?: unknown }).latest === 'string') {
      return (history as { latest: string }).latest
    }
  }
  return ''
}
