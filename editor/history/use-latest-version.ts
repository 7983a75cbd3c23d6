/**
 * The newest version, as the server announces it in the document's room: its presence entry
 * carries `history: { latest: <version id> }` (docs/PROTOCOL.md), updated each time a version is
 * recorded, so an open History page learns of one without being asked.
 *
 * Hearing it means joining the room: the page syncs a copy of the document it never shows or
 * edits, and publishes no presence of its own. It says it only reads the history, so the server
 * does not count it as a visit to the document (docs/history.md, "changes since your last visit").
 */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** The collaboration endpoint on the page's own origin, as the document page reaches it. */
function collabUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
}

export interface Announced {
  /** The newest version's id; '' until the room announces one. */
  latest: string
  /** Changes whenever the record does, a rename included; '' until announced. */
  revision: string
}

/** What the room has announced of the document's history. */
export function useLatestVersion(documentId: string): Announced {
  const [latest, setLatest] = useState<Announced>(NOTHING_YET)
  useEffect(() => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(collabUrl(window.location), encodeURIComponent(documentId), doc, {
      // Another tab's copy is of no use here, and the page never writes.
      disableBc: true,
      // Reading the history is not a visit to the document (server/history/history-recorder.ts).
      params: { history: '1' },
    })
    // Nobody is "in the document" for reading its history: no caret, no name on the presence bar.
    provider.awareness.setLocalState(null)
    const read = () => {
      const announced = readLatest(provider.awareness)
      setLatest((known) => (known.latest === announced.latest && known.revision === announced.revision ? known : announced))
    }
    provider.awareness.on('change', read)
    return () => {
      provider.awareness.off('change', read)
      provider.destroy()
      doc.destroy()
    }
  }, [documentId])
  return latest
}

const NOTHING_YET: Announced = { latest: '', revision: '' }

function readLatest(awareness: Awareness): Announced {
  for (const state of awareness.getStates().values()) {
    const history = state.history as { latest?: unknown; revision?: unknown } | undefined
    if (typeof history?.latest === 'string') {
      return { latest: history.latest, revision: typeof history.revision === 'string' ? history.revision : '' }
    }
  }
  return NOTHING_YET
}
