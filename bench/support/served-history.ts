/**
 * A document with recorded versions on a real Coffeehouse server (its own process, see
 * processes.ts): a stock client types a trace into it while a reader watches, and after each
 * stretch of it the owner names the text as it stands (`POST /api/documents/:id/versions`), so the
 * server records a version exactly as it does when a maintainer saves one. The automatic versions
 * after idle editing are turned off, so the count is the one asked for.
 */
import { startCoffeehouse, type ServerProcess } from './processes'
import { connectPeer, openWritableDocument, type Peer } from './peers'
import { converged } from './scenario'
import type { Trace } from '../../test/support/traces'
import { TraceWriter } from './trace-writer'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'

export interface ServedHistory {
  server: ServerProcess
  documentId: string
  /** The owner's session, for reading what only members may. */
  cookie: string
  /** Version ids, oldest first. */
  versionIds: string[]
  /** A GET of `path` (under /api) as the owner; resolves with the body once it has all arrived, unparsed. */
  get(path: string): Promise<string>
  close(): Promise<void>
}

/** A day: the server never records a version of its own during the benchmark. */
const NEVER_MS = String(24 * 60 * 60 * 1000)

export async function servedHistory(trace: Trace, versions: number): Promise<ServedHistory> {
  const server = await startCoffeehouse({ VERSION_IDLE_MS: NEVER_MS, VERSION_MAX_MS: NEVER_MS })
  const peers: Peer[] = []
  try {
    const { documentId, cookie } = await openWritableDocument(server, 'Version history')
    const writer = connectPeer(server, documentId, cookie)
    peers.push(writer)
    await writer.synced()
    const fragment = writer.doc.getXmlFragment(DOCUMENT_FRAGMENT)
    if (fragment.length === 0) fragment.insert(0, [new Y.XmlElement('paragraph')])
    const reader = connectPeer(server, documentId)
    peers.push(reader)
    await reader.synced()
    const traceWriter = new TraceWriter(writer.doc, trace)
    const versionIds: string[] = []
    let edit = 0
    for (let version = 1; version <= versions; version++) {
      for (const end = Math.round((version * traceWriter.length) / versions); edit < end; edit++) traceWriter.write(edit)
      // What the reader has, the server has applied: the version holds every edit so far.
      await converged(writer, [reader])
      versionIds.push(await nameVersion(server, documentId, cookie!, `Version ${version}`))
    }
    const get = async (path: string) => {
      const response = await fetch(`${server.url}/api${path}`, { headers: { cookie: cookie! } })
      if (!response.ok) throw new Error(`GET ${path} failed: ${response.status} ${await response.text()}`)
      return response.text()
    }
    return {
      server,
      documentId,
      cookie: cookie!,
      versionIds,
      get,
      close: async () => {
        for (const peer of peers) peer.destroy()
        await server.stop()
      },
    }
  } catch (error) {
    for (const peer of peers) peer.destroy()
    await server.stop()
    throw error
  }
}

async function nameVersion(server: ServerProcess, documentId: string, cookie: string, name: string): Promise<string> {
  const response = await fetch(`${server.url}/api/documents/${documentId}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name }),
  })
  if (response.status !== 201) throw new Error(`naming a version failed: ${response.status} ${await response.text()}`)
  const { version } = (await response.json()) as { version: { id: string } }
  return version.id
}
