/** The server's own copy of a document, read in-process, to check what input did or did not change. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { createDocumentModel, readContent } from '../../server/documents/content'
import type { TestServer } from './server'

export async function serverState(server: TestServer, documentId: string): Promise<Buffer> {
  const handle = await server.app.collab.openDocument(documentId)
  try {
    return Buffer.from(Y.encodeStateAsUpdate(handle.document.doc))
  } finally {
    await handle.release()
  }
}

/** The server's copy of a document as ProseMirror content, to check what a decision did. */
export async function serverContent(server: TestServer, documentId: string): Promise<ProseMirrorNode> {
  const handle = await server.app.collab.openDocument(documentId)
  try {
    return readContent(createDocumentModel(), handle.document.doc)
  } finally {
    await handle.release()
  }
}
