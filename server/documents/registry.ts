/**
 * The extension that ties the sync server to the document registry: only
 * documents that were created can be opened, and edits refresh "last edited".
 */
import { CollabError, type Extension } from '../collab/hooks'
import type { Store } from '../storage/store'
import { isDocumentId } from '../storage/document-ids'

export function documentRegistry(store: Store): Extension {
  return {
    name: 'document-registry',

    async onLoadDocument({ documentId }) {
      if (!isDocumentId(documentId) || !(await store.getDocument(documentId))) {
        throw new CollabError('documentNotFound', `no document has the id "${documentId.slice(0, 80)}"`)
      }
    },

    onChange({ documentId }) {
      store.touchDocument(documentId)
    },
  }
}
