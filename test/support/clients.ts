/**
 * Stock y-websocket providers in Node, as a non-browser client would use them.
 * Each counts the update-bearing frames it sends and the server's save
 * acknowledgements, so a test can wait until its edits are durable.
 */
import { onTestFinished } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import { INSERTION, SUGGESTION_ATTRIBUTE } from '../../model/schema/suggestion-model'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { isUpdateBearing, MESSAGE_SAVED, readSaved, SAVE_ACK_PARAM } from '../../model/protocol'
import type { TestServer } from './server'
import { until } from './events'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Update-bearing frames sent on the current socket, and how many the server says are durable. */
  readonly sent: number
  readonly saved: number
  /** Resolves once the first sync with the server is complete. */
  synced(): Promise<void>
  /** Resolves once the server has acknowledged every update this client sent. */
  allSaved(): Promise<void>
  destroy(): void
}

export interface ClientOptions {
  doc?: Y.Doc
  saveAck?: boolean
  /** The session cookie of a signed-in person (see signUp); sent with the websocket upgrade. */
  cookie?: string
}

export function connectClient(server: Pick<TestServer, 'collabUrl'>, documentId: string, options: ClientOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const counters = { sent: 0, saved: 0 }
  const headers = options.cookie ? { cookie: options.cookie } : {}
  class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers })
      counters.sent = 0
      counters.saved = 0
    }
    override send(data: Uint8Array | ArrayBuffer, ...rest: never[]): void {
      if (isUpdateBearing(data instanceof Uint8Array ? data : new Uint8Array(data))) counters.sent++
      super.send(data, ...rest)
    }
  }
  const provider = new WebsocketProvider(server.collabUrl, documentId, doc, {
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    params: options.saveAck === false ? {} : { [SAVE_ACK_PARAM]: '1' },
    disableBc: true,
  })
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    counters.saved = readSaved(decoder)
    provider.emit('saved' as never, [counters.saved] as never)
  }
  // A final close (4400-4499) ends the wait at once, with the server's reason, instead of at the test's timeout.
  const refused = new Promise<never>((_resolve, reject) => {
    provider.on('closed', ({ code, reason }: { code: number; reason: string }) =>
      reject(new Error(`the server closed the connection for good: ${code} ${reason}`)),
    )
  })
  refused.catch(() => undefined)
  const orRefused = (waiting: Promise<void>) => Promise.race([waiting, refused])
  const client: TestClient = {
    doc,
    provider,
    get sent() {
      return counters.sent
    },
    get saved() {
      return counters.saved
    },
    synced: () => orRefused(until(() => provider.synced, [provider], 'sync', 'synced')),
    allSaved: () =>
      orRefused(until(() => provider.synced && counters.saved === counters.sent, [provider], 'saved', 'all saved')),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
  onTestFinished(() => client.destroy())
  return client
}

/** The document's text, block by block: enough to compare what clients see. */
export function textOf(doc: Y.Doc): string {
  return doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()
}

/** Appends a paragraph of text, as the editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph])
}

/**
 * Appends a paragraph as a suggestion by `author` (a user id), shaped as suggesting mode
 * shapes one: a new block stamped as inserted, its text marked as an insertion. This is
 * how a contributor, who may only suggest, writes.
 */
export function suggestParagraph(doc: Y.Doc, text: string, author: string, id: string = randomUUID()): void {
  const stamp = { id, author, createdAt: Date.now() }
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.setAttribute(SUGGESTION_ATTRIBUTE, { ...stamp, change: 'insert' } as unknown as string)
  const content = new Y.XmlText()
  content.insert(0, text, { [INSERTION]: stamp })
  paragraph.insert(0, [content])
  doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph])
}
