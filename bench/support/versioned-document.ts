/**
 * A document with a recorded history, as the server holds one: a trace written keystroke by
 * keystroke (trace-writer.ts) into a Y.Doc that keeps every deleted character (gc: false), by
 * people taking turns, each under a client id of their own. Every transaction is recorded in an
 * AttributionIndex with its person and the server's clock, as the room does
 * (server/collab/room.ts `attribute`), and versions are recorded at evenly spread points by the
 * server's own History over a real FileStore in a temporary directory (server/history/history.ts:
 * `Y.snapshot`, the summary from `compareVersions`, `encodeRelative` against the version before).
 */
import type { JSONContent } from '@tiptap/core'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../editor/schema/extensions'
import { AttributionIndex } from '../../server/attribution/attribution-index'
import { createDocumentModel } from '../../server/documents/content'
import { History } from '../../server/history/history'
import type { HistoryRoom } from '../../server/history/history-room'
import { FileStore } from '../../server/storage/file-store'
import type { Trace } from '../../test/support/traces'
import { TraceWriter } from './trace-writer'

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
  /** The room's document and its attribution, as History reads them. */
  room: HistoryRoom
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
  let clock = Date.UTC(2026, 10, 1)
  const history = new History({
    store,
    model: createDocumentModel(),
    now: () => clock,
    idleMs: NEVER_MS,
    visitGapMs: NEVER_MS,
    maxMs: NEVER_MS,
    onError: (_document, error) => {
      throw error
    },
  })
  const doc = new Y.Doc({ gc: false })
  const attribution = new AttributionIndex()
  const room: HistoryRoom = { doc, attribution }
  let person = options.people[0]!
  doc.on('afterTransaction', (transaction: Y.Transaction) => attribution.record(transaction, person, clock))
  doc.clientID = clientOf(0)
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])

  const writer = new TraceWriter(doc, trace)
  const edits = Math.min(options.edits ?? writer.length, writer.length)
  let recorded = 0
  for (let edit = 0; edit < edits; edit++) {
    const turn = Math.floor(edit / options.turn) % options.people.length
    person = options.people[turn]!
    doc.clientID = clientOf(turn)
    writer.write(edit)
    clock += options.msPerEdit
    // Version k of n after edit round(k × edits / n): the last one at the end of the edits.
    if (edit + 1 === Math.round(((recorded + 1) * edits) / options.versions)) {
      await history.record(DOCUMENT_ID, room, { kind: 'edits' })
      recorded++
    }
  }
  return {
    room,
    history,
    documentId: DOCUMENT_ID,
    historyFile: path.join(dataDir, 'history', `${DOCUMENT_ID}.json`),
    edits,
    close: async () => {
      doc.destroy()
      await store.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Each person writes under a client id of their own, as the server binds them (attribution/binding.ts). */
const clientOf = (turn: number) => 1000 + turn

/** A version's text (ProseMirror JSON), one line per paragraph, as the trace has it. */
export function textOf(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? ''
  return (node.content ?? []).map(textOf).join(node.type === 'doc' ? '\n' : '')
}
