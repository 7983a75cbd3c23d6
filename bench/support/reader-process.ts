/**
 * Whole readers in a process of their own: stock y-websocket providers, each a whole Y.Doc
 * that applies everything it receives, as a browser would. The throughput benchmark writes in
 * its own process and asks this one when its readers hold everything, so that the readers'
 * work and the writer's do not queue behind each other on one event loop.
 *
 * Over IPC: { readers, collabUrl, documentId } → 'synced'; { until: state vector } → 'converged'.
 */
import * as Y from 'yjs'
import { connectPeer, type Peer } from './peers'

type Request = { readers: number; collabUrl: string; documentId: string } | { until: Uint8Array } | { stop: true }

const say = (message: string) => process.send!(message)

function holdsAll(readers: readonly Peer[], target: Uint8Array): boolean {
  return readers.every((reader) => Buffer.from(Y.encodeStateVector(reader.doc)).equals(target))
}

async function main(): Promise<void> {
  let readers: Peer[] = []
  process.on('message', async (request: Request) => {
    if ('readers' in request) {
      readers = Array.from({ length: request.readers }, () => connectPeer({ collabUrl: request.collabUrl }, request.documentId))
      await Promise.all(readers.map((reader) => reader.synced()))
      say('synced')
    } else if ('until' in request) {
      const target = Buffer.from(request.until)
      await new Promise<void>((resolve) => {
        const check = () => {
          if (!holdsAll(readers, target)) return
          for (const reader of readers) reader.doc.off('update', check)
          resolve()
        }
        for (const reader of readers) reader.doc.on('update', check)
        check()
      })
      say('converged')
    } else {
      for (const reader of readers) reader.destroy()
      process.disconnect()
    }
  })
}

await main()
