/** The server's own copy of a document, read in-process, to check that refused input changed nothing. */
import * as Y from 'yjs'
import type { TestServer } from './server'

export async function serverState(server: TestServer, documentId: string): Promise<Buffer> {
  const handle = await server.app.collab.openDocument(documentId)
  try {
    return Buffer.from(Y.encodeStateAsUpdate(handle.room.doc))
  } finally {
    await handle.release()
  }
}
