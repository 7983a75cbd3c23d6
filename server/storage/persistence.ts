/**
 * The extension that makes documents durable: loads a document from its update log, appends
 * every change with its author and time (resolving once the change is on disk), and folds the
 * log into a snapshot when it grows large or the document is unloaded. Its state for each
 * loaded document is the open log.
 *
 * A snapshot also holds a part that another capability keeps beside the state (`alongside`:
 * the attribution index), encoded in the same instant, so the two describe the same content.
 */
import * as Y from 'yjs'
import type { DocumentView, Extension } from '../collab/hooks'
import { RESTORED_FROM_SNAPSHOT } from '../collab/provenance'
import { decodeChange, decodeSnapshot, encodeChange, encodeSnapshot, isSnapshotRecord } from './change-records'
import { LogAuthors } from './log-authors'
import type { DocumentLog } from './document-log'
import type { Store } from './store'

/** What is stored beside each snapshot, and restored with it. */
export interface SnapshotPart {
  encode(document: DocumentView): Uint8Array
  restore(document: DocumentView, bytes: Uint8Array): void
}

export interface PersistenceOptions {
  store: Store
  alongside: SnapshotPart
  /** Compact once the log holds this many bytes (see config.ts for the reasoning). */
  compactLogBytes: number
  onCompactionError: (documentId: string, error: unknown) => void
}

/** A loaded document's log; null until it is opened, and again once it is closed. */
interface OpenLog {
  log: DocumentLog
  authors: LogAuthors
  compacting: Promise<void> | null
  /** True while a change that another node stored is applied: it is not stored again. */
  applyingStored: boolean
}

interface PersistedDocument {
  document: DocumentView
  open: OpenLog | null
}

export function persistence(options: PersistenceOptions): Extension<PersistedDocument> {
  const compact = (state: PersistedDocument): Promise<void> => {
    const open = state.open
    if (!open) return Promise.resolve()
    const { document } = state
    open.compacting ??= open.log
      .compact(() => encodeSnapshot({ state: Y.encodeStateAsUpdate(document.doc), attribution: options.alongside.encode(document) }, authorsFor(open)))
      .catch((error: unknown) => options.onCompactionError(document.documentId, error))
      .finally(() => {
        open.compacting = null
      })
    return open.compacting
  }

  return {
    name: 'persistence',

    createState: (document) => ({ document, open: null }),

    // Only when loading failed after the log was opened (another extension refused the
    // document): a document that loaded closes its log in onStoreDocument.
    disposeState(state) {
      void state.open?.log.close()
      state.open = null
    },

    async onLoadDocument({ documentId, document, state }) {
      const { log, snapshot, records } = await options.store.openDocument(documentId)
      let authors = new LogAuthors()
      try {
        if (snapshot) {
          const stored = decodeSnapshot(snapshot)
          options.alongside.restore(document, stored.attribution)
          authors = stored.authors
          Y.applyUpdate(document.doc, stored.state, RESTORED_FROM_SNAPSHOT)
        }
        // One transaction per change, each with its own author and time as its origin.
        for (const record of records) {
          const change = decodeChange(record, authors)
          Y.applyUpdate(document.doc, change.update, change)
        }
      } catch (error) {
        await log.close()
        throw error
      }
      const open: OpenLog = { log, authors, compacting: null, applyingStored: false }
      state.open = open
      log.onRecordsFromElsewhere?.((records) => applyStoredElsewhere(document, open, records))
    },

    // Whatever a client arriving from another node has seen was stored before that node showed
    // it: reading what is stored now brings all of it here before the client's own updates,
    // which would otherwise bring it under the client's name, or build on what is missing.
    async beforeJoin({ state }) {
      await state.open?.log.catchUp?.()
    },

    onStoreChange({ documentId, update, provenance, state }) {
      const open = state.open
      if (!open) return Promise.reject(new Error(`The log of document "${documentId}" is not open.`))
      if (open.applyingStored) return Promise.resolve()
      const { record, naming } = encodeChange({ update, author: provenance.author, time: provenance.time }, authorsFor(open))
      const written = open.log.append(record)
      // Once the write is done: a number is used only once the record naming it is on disk, and
      // the log's size only grows when a flush lands.
      void written.then(() => {
        if (naming !== null) authorsFor(open).confirm(naming)
        if (open.log.logBytes >= options.compactLogBytes) void compact(state)
      }, () => undefined)
      return written
    },

    async onStoreDocument({ state }) {
      const open = state.open
      if (!open) return
      try {
        await open.compacting
        // A document that was edited since it was loaded is folded into one snapshot,
        // so that the next load reads one record instead of many.
        if (open.log.logBytes > 0) await compact(state)
      } finally {
        state.open = null
        await open.log.close()
      }
    },
  }
}

/**
 * The author numbers to write with (log-authors.ts). A log that other nodes write to as well gets
 * none: each node would give them out on its own, and a number of one would name someone else in
 * another's table. A table that has named nobody makes every record name its author in full.
 */
function authorsFor(open: OpenLog): LogAuthors {
  return open.log.sharedWithOtherWriters ? new LogAuthors() : open.authors
}

/**
 * Applies what another node checked and stored, each change with its own author and time, as
 * loading does. The room relays it to this node's clients like any change; it is not stored again.
 */
function applyStoredElsewhere(document: DocumentView, open: OpenLog, records: Uint8Array[]): void {
  open.applyingStored = true
  try {
    for (const record of records) {
      if (isSnapshotRecord(record)) {
        Y.applyUpdate(document.doc, decodeSnapshot(record).state, RESTORED_FROM_SNAPSHOT)
        continue
      }
      // Such records name their authors in full: the numbers of this node's table mean nothing in them.
      const change = decodeChange(record, new LogAuthors())
      Y.applyUpdate(document.doc, change.update, change)
    }
  } finally {
    open.applyingStored = false
  }
}
