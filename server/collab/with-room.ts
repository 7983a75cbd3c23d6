/**
 * Server-side work on a document's live room. The room is loaded if no client has it open,
 * and released however the work ends: a room left held would stay in memory for good.
 */
import type { CollabServer } from './collab-server'
import type { DocumentView } from './hooks'

/** All that opening a room needs of the collab server, so callers and tests can pass just this. */
export type RoomOpener = Pick<CollabServer, 'openDocument'>

export async function withRoom<T>(collab: RoomOpener, documentId: string, use: (room: DocumentView) => Promise<T> | T): Promise<T> {
  const handle = await collab.openDocument(documentId)
  try {
    return await use(handle.document)
  } finally {
    await handle.release()
  }
}
