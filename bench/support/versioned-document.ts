/**
 * A document with a recorded history, as the server holds one: a trace replayed through a real
 * Room by people taking turns, each under a client id of their own (test/support/authored-replay.ts),
 * so every transaction is attributed with its person and the server's clock, and versions are recorded at evenly spread points by the
 * server's own History over a real FileStore in a temporary directory (server/history/history.ts:
 * `Y.snapshot`, the summary from `compareVersions`, `encodeRelative` against the version before).
 */
import type { JSONContent } from '@tiptap/core'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AttributionIndex } from '../../server/attribution/attribution-index'
import { attribution as createAttribution } from '../../server/attribution/attribution-extension'
import type { Room } from '../../server/collab/room'
import { createDocumentModel } from '../../server/documents/content'
import { History } from '../../server/history/history'
import { FileStore } from '../../server/storage/file-store'
import type { Trace } from '../../test/support/traces'
import { replayAsAuthors } from '../../test/support/authored-replay'

export interface VersionedDocumentOptions {
  /** Versions to record, evenly spread over the edits; the last one at the end. */
  versions: number
  /** The people who take turns, as user ids. */
  people: readonly string[]
  /** Transactions each person writes before the next takes over. */
  turn: number
  /** The server's clock advances this much per transaction (the traces have no usable times). */
  msPerEdit: number
  /** Stop after this many of the trace's transactions (default: all of them). */
  edits?: number
}

export interface VersionedDocument {
  /** The replayed document, as History reads it. */
  room: Room
  /** Who wrote what in it. */
  attribution: AttributionIndex
  history: History
  documentId: string
  /** Where the history record is, DATA_DIR/history/<id>.json. */
  historyFile: string
  /** Trace transactions written. */
  edits: number
  /** Removes the store's temporary directory. */
  close(): Promise<void>
}

const DOCUMENT_ID = 'versioned-document'
/** A day: versions are only recorded when asked, never by History's own idle timers. */
const NEVER_MS = 24 * 60 * 60 * 1000

export async function versionedDocument(trace: Trace, options: VersionedDocumentOptions): Promise<VersionedDocument> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'coffeehouse-history-bench-'))
  const store = await FileStore.open({
    dataDir,
    warn: (warning) => {
      throw new Error(warning.message)
    },
    onBackgroundError: (error) => {
      throw error
    },
  })
  /** The replay's clock, which History reads too. */
  let clock = 0
  const attribution = createAttribution()
  const history = new History({
    store,
    model: createDocumentModel(),
    attribution,
    // Nobody has the replayed document open: there is no page to tell of a new name.
    loadedDocument: () => undefined,
    now: () => clock,
    idleMs: NEVER_MS,
    visitGapMs: NEVER_MS,
    maxMs: NEVER_MS,
    onError: (_document, error) => {
      throw error
    },
  })
  let recorded = 0
  const edits = Math.min(options.edits ?? trace.txns.length, trace.txns.length)
  const { room, attribution: index } = await replayAsAuthors(trace, {
    documentId: DOCUMENT_ID,
    attribution,
    extensions: [history.extension],
    authors: options.people,
    turn: options.turn,
    msPerTransaction: options.msPerEdit,
    transactions: edits,
    afterTransaction: async (replayed, written, now) => {
      clock = now
      // Version k of n after edit round(k × edits / n): the last one at the end of the edits.
      if (written === Math.round(((recorded + 1) * edits) / options.versions)) {
        await history.record(replayed, { kind: 'edits' })
        recorded++
      }
    },
  })
  return {
    room,
    attribution: index,
    history,
    documentId: DOCUMENT_ID,
    historyFile: path.join(dataDir, 'history', `${DOCUMENT_ID}.json`),
    edits,
    close: async () => {
      room.destroy()
      await store.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** A version's text (ProseMirror JSON), one line per paragraph, as the trace has it. */
export function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? ''
  return (node.content ?? []).map(textOf).join(node.type === 'doc' ? '\n' : '')
}
