/**
 * The extension that makes documents durable: loads a document from its update
 * log, appends every change to it (resolving once the change is on disk), and
 * folds the log into a snapshot when it grows large or the document is unloaded.
 */
import * as Y from 'yjs'
import type { Extension } from '../collab/hooks'
import type { Store } from './store'
import type { UpdateLog } from './update-log'

export interface PersistenceOptions {
  store: Store
  /** Compact once the log holds this many bytes (see config.ts for the reasoning). */
  compactLogBytes: number
  onCompactionError: (documentId: string, error: unknown) => void
}

/** The origin of updates replayed from disk: they must not be appended again. */
const FROM_STORAGE = Symbol('from storage')

export function persistence(options: PersistenceOptions): Extension {
  const logs = new Map<string, { log: UpdateLog; doc: Y.Doc; compacting: Promise<void> | null }>()

  const compact = (documentId: string): Promise<void> => {
    const entry = logs.get(documentId)
    if (!entry) return Promise.resolve()
    entry.compacting ??= entry.log
      .compact(() => Y.encodeStateAsUpdate(entry.doc))
      .catch((error: unknown) => options.onCompactionError(documentId, error))
      .finally(() => {
        entry.compacting = null
      })
    return entry.compacting
  }

  return {
    name: 'persistence',

    async onLoadDocument({ documentId, doc }) {
      const { log, updates } = await options.store.openDocument(documentId)
      Y.transact(doc, () => {
        for (const update of updates) Y.applyUpdate(doc, update, FROM_STORAGE)
      }, FROM_STORAGE)
      logs.set(documentId, { log, doc, compacting: null })
    },

    onChange({ documentId, update }) {
      const entry = logs.get(documentId)
      if (!entry) return Promise.reject(new Error(`The log of document "${documentId}" is not open.`))
      const written = entry.log.append(update)
      // Checked once the write is done: the log's size only grows when a flush lands.
      void written.then(() => {
        if (entry.log.logBytes >= options.compactLogBytes) void compact(documentId)
      }, () => undefined)
      return written
    },

    async onStoreDocument({ documentId }) {
      const entry = logs.get(documentId)
      if (!entry) return
      try {
        await entry.compacting
        // A document that was edited since it was loaded is folded into one snapshot,
        // so that the next load reads one record instead of many.
        if (entry.log.logBytes > 0) await compact(documentId)
      } finally {
        logs.delete(documentId)
        await entry.log.close()
      }
    },
  }
}
