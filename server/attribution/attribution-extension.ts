/**
 * The extension that credits every change to its writer. Its state for each loaded document is
 * the attribution index: who wrote and who deleted each character, and which person owns each
 * Yjs client id. It is filled from every transaction, with the provenance the room stamped on
 * it, and stored beside the document's snapshots (persistence.ts takes `snapshotPart`).
 *
 * It also keeps authorship honest: every Yjs client id belongs to the person whose connection
 * first wrote under it. An update that writes under an id bound to someone else, or to the
 * server's own starter text, is refused before it touches the document, and the connection is
 * closed with 4409. Deletions need no check: they are credited to whoever sent them.
 */
import { CollabError, type DocumentView, type Extension } from '../collab/hooks'
import { RESTORED_FROM_SNAPSHOT } from '../collab/provenance'
import type { SnapshotPart } from '../storage/persistence'
import { AttributionIndex } from './attribution-index'

export interface Attribution extends Extension<AttributionIndex> {
  /** Who wrote and deleted what in a loaded document. */
  indexOf(document: DocumentView): AttributionIndex
  /** Stored beside each snapshot of the document (persistence.ts). */
  readonly snapshotPart: SnapshotPart
}

export function attribution(): Attribution {
  const extension: Attribution = {
    name: 'attribution',

    createState: () => new AttributionIndex(),

    afterTransaction({ transaction, provenance, state }) {
      // A stored snapshot's credits come back with it (snapshotPart.restore).
      if (transaction.origin === RESTORED_FROM_SNAPSHOT) return
      state.record(transaction, provenance.author, provenance.time)
    },

    beforeApplyUpdate({ document, update, connection, state }) {
      for (const client of update.writers) {
        if (!state.mayWrite(document.doc, client, connection.user)) {
          throw new CollabError('clientIdTaken', `client id ${client} belongs to someone else: start a new session`)
        }
      }
    },

    indexOf: (document) => document.stateOf(extension),

    snapshotPart: {
      encode: (document) => extension.indexOf(document).encode(),
      restore: (document, bytes) => extension.indexOf(document).restore(bytes),
    },
  }
  return extension
}
