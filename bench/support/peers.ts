/**
 * Benchmark clients: the stock y-websocket provider in Node, as any client would use it.
 * Writers need an account on Coffeehouse (the relay ignores the cookie).
 */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { ServerProcess } from './processes'

export interface Peer {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  synced(): Promise<void>
  destroy(): void
}

export function connectPeer(server: Pick<ServerProcess, 'collabUrl'>, documentId: string, cookie?: string): Peer {
  const doc = new Y.Doc()
  const headers = cookie ? { cookie } : {}
  class AuthenticatedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers })
    }
  }
  const provider = new WebsocketProvider(server.collabUrl, documentId, doc, {
    WebSocketPolyfill: AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return {
    doc,
    provider,
    synced: () =>
      new Promise((resolve) => {
        if (provider.synced) resolve()
        else provider.once('sync', () => resolve())
      }),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/**
 * A document to write in: on Coffeehouse, a new one owned by a new account (or by the account
 * whose session `cookie` is given); on the relay, any name.
 */
export async function openWritableDocument(server: ServerProcess, name: string, cookie?: string): Promise<{ documentId: string; cookie?: string }> {
  if (server.kind === 'relay') return { documentId: name.replace(/\W+/g, '-') }
  const session = cookie ?? (await signUp(server, name))
  const created = await fetch(`${server.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session },
    body: JSON.stringify({ title: name }),
  })
  if (!created.ok) throw new Error(`creating a document failed: ${created.status}`)
  const { id } = (await created.json()) as { id: string }
  return { documentId: id, cookie: session }
}

/** Signs up a new account; returns its session cookie. */
export async function signUp(server: ServerProcess, name: string): Promise<string> {
  const signup = await fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: name.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 24) || 'writer', password: 'benchmark password', displayName: name }),
  })
  if (!signup.ok) throw new Error(`signing up failed: ${signup.status} ${await signup.text()}`)
  return signup.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ')
}
