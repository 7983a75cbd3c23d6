/** One writer and some readers of one document, all connected and synced. */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { connectPeer, openWritableDocument, type Peer } from './peers'
import type { ServerProcess } from './processes'

export interface Audience {
  documentId: string
  writer: Peer
  readers: Peer[]
  close(): void
}

export async function writerWithReaders(server: ServerProcess, name: string, readerCount: number): Promise<Audience> {
  const { documentId, cookie } = await openWritableDocument(server, name)
  const writer = connectPeer(server, documentId, cookie)
  await writer.synced()
  const fragment = writer.doc.getXmlFragment(DOCUMENT_FRAGMENT)
  // The relay starts with nothing; Coffeehouse documents start with one empty paragraph.
  if (fragment.length === 0) fragment.insert(0, [new Y.XmlElement('paragraph')])
  const readers = Array.from({ length: readerCount }, () => connectPeer(server, documentId))
  await Promise.all(readers.map((reader) => reader.synced()))
  await converged(writer, readers)
  return {
    documentId,
    writer,
    readers,
    close: () => {
      for (const peer of [writer, ...readers]) peer.destroy()
    },
  }
}

/** Resolves once every reader holds everything the writer has. */
export function converged(writer: Peer, readers: readonly Peer[], timeoutMs = 600_000): Promise<void> {
  const target = Y.encodeStateVector(writer.doc)
  const done = () => readers.every((reader) => Buffer.from(Y.encodeStateVector(reader.doc)).equals(target))
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const check = () => {
      if (done()) resolve()
      else if (performance.now() - started > timeoutMs) reject(new Error('the readers did not converge'))
      else setTimeout(check, 1)
    }
    check()
  })
}
