/**
 * The extension that records versions as people edit (see pending-edits.ts for when), and
 * notes what each signed-in person has seen when they leave, for "changes since my last visit".
 * Its state for each loaded document is when the next version is due and the decoded
 * snapshots of its versions.
 *
 * A document loaded with no versions gets its first at once: the text it starts from. A document
 * loaded with edits that no version holds (the server stopped before it could record one) gets
 * one after the usual pause. A document leaving memory records what is waiting first.
 */
import * as Y from 'yjs'
import type { ConnectionInfo, DocumentView, Extension } from '../collab/hooks'
import { PendingEdits } from './pending-edits'
import { SnapshotChain } from './snapshot-chains'
import type { HistoryRecord } from './version-model'

/**
 * A History page joins the room only to hear of new versions (HISTORY_READER_PARAM); reading
 * the history is not a visit to the document, so it moves no one's "last visit".
 */
export const HISTORY_READER_PARAM = 'history'

/** People who came or went and are not yet in the history record, and the write that will put them there. */
export interface VisitBatch {
  readonly people: { readonly arrived: Set<string>; readonly left: Set<string> }
  written: Promise<void> | null
}

/** What history keeps about a loaded document. */
export interface HistoryDocument {
  readonly pending: PendingEdits
  readonly chain: SnapshotChain
  readonly visits: VisitBatch
}

/** What the recorder asks of the history (history.ts). */
export interface VersionRecorder {
  read(documentId: string): Promise<HistoryRecord>
  /** The newest version's full snapshot, or null before the first. */
  latestSnapshot(document: DocumentView, record: HistoryRecord): Y.Snapshot | null
  /** Records the edits so far, if anything changed since the last version. */
  recordEdits(document: DocumentView): Promise<unknown>
  /** A version due in the background could not be recorded. */
  reportError(documentId: string, error: unknown): void
  returned(document: DocumentView, user: string): Promise<void>
  visited(document: DocumentView, user: string): Promise<void>
}

export function historyRecorder(history: VersionRecorder, timing: { idleMs: number; maxMs: number }): Extension<HistoryDocument> {
  const historyReaders = new WeakSet<ConnectionInfo>()
  const visits = (connection: ConnectionInfo) => connection.user !== null && !historyReaders.has(connection)
  return {
    name: 'history',

    createState: (document) => ({
      pending: new PendingEdits({
        ...timing,
        due: () => void history.recordEdits(document).catch((error: unknown) => history.reportError(document.documentId, error)),
      }),
      chain: new SnapshotChain(),
      visits: { people: { arrived: new Set(), left: new Set() }, written: null },
    }),

    disposeState: (state) => state.pending.stop(),

    onAuthenticate({ request, connection }) {
      const url = new URL(request.url ?? '/', 'http://localhost')
      if (url.searchParams.get(HISTORY_READER_PARAM) === '1') historyReaders.add(connection)
    },

    async onLoadDocument({ documentId, document, state }) {
      const record = await history.read(documentId)
      const latest = history.latestSnapshot(document, record)
      if (latest === null) await history.recordEdits(document)
      else if (!Y.equalSnapshots(latest, Y.snapshot(document.doc))) state.pending.changed(null)
    },

    async onJoin({ document, connection }) {
      if (visits(connection)) await history.returned(document, connection.user!)
    },

    onChange({ provenance, state }) {
      state.pending.changed(provenance.author)
    },

    async onDisconnect({ document, connection }) {
      if (document === null || !visits(connection)) return
      await history.visited(document, connection.user!)
    },

    async onStoreDocument({ document, state }) {
      if (state.pending.waiting) await history.recordEdits(document)
    },
  }
}
