/** The server's own copy of a document, read in-process, to check what input did or did not change. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { withRoom } from '../../server/collab/with-room'
import { createDocumentModel, readContent } from '../../server/documents/content'
import type { TestServer } from './server'

export function serverState(server: TestServer, documentId: string): Promise<Buffer> {
  return withRoom(server.app.collab, documentId, (room) => Buffer.from(Y.encodeStateAsUpdate(room.doc)))
}

/** The server's copy of a document as ProseMirror content, to check what a decision did. */
export function serverContent(server: TestServer, documentId: string): Promise<ProseMirrorNode> {
  return withRoom(server.app.collab, documentId, (room) => readContent(createDocumentModel(), room.doc))
}
