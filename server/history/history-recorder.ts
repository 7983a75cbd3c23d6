/**
 * The extension that records versions as people edit (see pending-edits.ts for when), and
 * notes what each signed-in person has seen when they leave, for "changes since my last visit".
 *
 * A document loaded with no versions gets its first at once: the text it starts from. A document
 * loaded with edits that no version holds (the server stopped before it could record one) gets
 * one after the usual pause. A document leaving memory records what is waiting first.
 */
import * as Y from 'yjs'
import type { ConnectionInfo, Extension } from '../collab/hooks'
import type { History } from './history'

/**
 * A History page joins the room only to hear of new versions (HISTORY_READER_PARAM); reading
 * the history is not a visit to the document, so it moves no one's "last visit".
 */
export const HISTORY_READER_PARAM = 'history'

export function historyRecorder(history: History): Extension {
  const historyReaders = new Set<string>()
  const visits = (connection: ConnectionInfo) => connection.user !== null && !historyReaders.has(connection.id)
  return {
    name: 'history',

    onAuthenticate({ request, connection }) {
      const url = new URL(request.url ?? '/', 'http://localhost')
      if (url.searchParams.get(HISTORY_READER_PARAM) === '1') historyReaders.add(connection.id)
    },

    async onLoadDocument({ documentId, doc, attribution }) {
      const room = { doc, attribution }
      history.pending.track(documentId, room)
      const record = await history.read(documentId)
      const latest = history.latestSnapshot(documentId, record)
      if (latest === null) await history.record(documentId, room, { kind: 'edits' })
      else if (!Y.equalSnapshots(latest, Y.snapshot(doc))) history.pending.changed(documentId, null)
    },

    async onJoin({ documentId, room, connection }) {
      const tracked = history.pending.roomOf(documentId)
      if (tracked) tracked.setServerPresence = (field, value) => room.setServerPresence(field, value)
      if (visits(connection)) await history.returned(documentId, connection.user!)
    },

    onChange({ documentId, author }) {
      history.pending.changed(documentId, author)
    },

    async onDisconnect({ documentId, room, connection }) {
      const tracked = history.pending.roomOf(documentId)
      const visited = visits(connection)
      historyReaders.delete(connection.id)
      if (room === null || !visited || !tracked) return
      await history.visited(documentId, tracked, connection.user!)
    },

    async onStoreDocument({ documentId }) {
      const tracked = history.pending.roomOf(documentId)
      try {
        if (tracked && history.pending.waiting(documentId)) await history.record(documentId, tracked, { kind: 'edits' })
      } finally {
        history.forget(documentId)
      }
    },
  }
}
