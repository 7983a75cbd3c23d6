/**
 * The extension that makes documents durable: loads a document and its attribution
 * from the update log, appends every change with its author and time (resolving
 * once the change is on disk), and folds the log into a snapshot when it grows
 * large or the document is unloaded.
 */
import * as Y from 'yjs'
import type { AttributionIndex } from '../attribution/attribution-index'
import { RESTORED_FROM_SNAPSHOT } from '../attribution/authored'
import type { Extension } from '../collab/hooks'
import { decodeChange, decodeSnapshot, encodeChange, encodeSnapshot } from './change-records'
import type { Store } from './store'
import { LogAuthors } from './log-authors'
import type { DocumentLog } from './document-log'

export interface PersistenceOptions {
  store: Store
  /** Compact once the log holds this many bytes (see config.ts for the reasoning). */
  compactLogBytes: number
  onCompactionError: (documentId: string, error: unknown) => void
}

interface OpenDocument {
  log: DocumentLog
  authors: LogAuthors
  doc: Y.Doc
  attribution: AttributionIndex
  compacting: Promise<void> | null
}

export function persistence(options: PersistenceOptions): Extension {
  const documents = new Map<string, OpenDocument>()

  const compact = (documentId: string): Promise<void> => {
    const entry = documents.get(documentId)
    if (!entry) return Promise.resolve()
    // The state and the attribution are encoded in the same instant, so they describe the same content.
    entry.compacting ??= entry.log
      .compact(() => encodeSnapshot({ state: Y.encodeStateAsUpdate(entry.doc), attribution: entry.attribution.encode() }, entry.authors))
      .catch((error: unknown) => options.onCompactionError(documentId, error))
      .finally(() => {
        entry.compacting = null
      })
    return entry.compacting
  }

  return {
    name: 'persistence',

    async onLoadDocument({ documentId, doc, attribution }) {
      const { log, snapshot, records } = await options.store.openDocument(documentId)
      let authors = new LogAuthors()
      try {
        if (snapshot) {
          const stored = decodeSnapshot(snapshot)
          attribution.restore(stored.attribution)
          authors = stored.authors
          Y.applyUpdate(doc, stored.state, RESTORED_FROM_SNAPSHOT)
        }
        // One transaction per change: the room's attribution records each with its own author and time.
        for (const record of records) {
          const change = decodeChange(record, authors)
          Y.applyUpdate(doc, change.update, change)
        }
      } catch (error) {
        await log.close()
        throw error
      }
      documents.set(documentId, { log, authors, doc, attribution, compacting: null })
    },

    onChange({ documentId, update, author, time }) {
      const entry = documents.get(documentId)
      if (!entry) return Promise.reject(new Error(`The log of document "${documentId}" is not open.`))
      const { record, naming } = encodeChange({ update, author, time }, entry.authors)
      const written = entry.log.append(record)
      if (naming !== null) void written.then(() => entry.authors.confirm(naming), () => undefined)
      // Checked once the write is done: the log's size only grows when a flush lands.
      void written.then(() => {
        if (entry.log.logBytes >= options.compactLogBytes) void compact(documentId)
      }, () => undefined)
      return written
    },

    async onStoreDocument({ documentId }) {
      const entry = documents.get(documentId)
      if (!entry) return
      try {
        await entry.compacting
        // A document that was edited since it was loaded is folded into one snapshot,
        // so that the next load reads one record instead of many.
        if (entry.log.logBytes > 0) await compact(documentId)
      } finally {
        documents.delete(documentId)
        await entry.log.close()
      }
    },
  }
}
