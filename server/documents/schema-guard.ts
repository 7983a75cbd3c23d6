/**
 * The extension that keeps a document renderable when it loads. Every update is checked
 * against the schema before it is applied (update-check.ts), but a document stored before that
 * check existed may hold content the schema does not allow, and that content would break
 * every editor that opens the document. So, as the document loads and before any client can
 * see it, the offending items are deleted, with a warning in the log.
 *
 * The deletion adds no items, only deletes, so it is the same every time: it is made in memory
 * on each load, and lands on disk with the document's next snapshot. The deleted items stay in
 * the document's history, like any other deletion.
 */
import type { Logger } from 'pino'
import type { Extension } from '../collab/hooks'
import type { ContentShape } from '../collab/content-shape'
import { removeUnrenderable } from './unrenderable'

export function schemaGuard(options: { shape: ContentShape; logger: Logger }): Extension {
  return {
    name: 'schema-guard',

    onLoadDocument({ documentId, document }) {
      const removed = removeUnrenderable(document.doc, options.shape)
      if (removed.length === 0) return
      options.logger.warn(
        { document: documentId, removed: removed.length, reasons: [...new Set(removed.map(({ reason }) => reason))].slice(0, 10) },
        'the document held content its schema does not allow; it was removed so that the document can be read',
      )
    },
  }
}
