/**
 * The sync server: accepts websockets at /collab/:documentId, loads each
 * document into a room on first use, and unloads it (after storing it) when the
 * last client leaves. Everything specific to a capability lives in extensions.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { WebSocketServer, type WebSocket } from 'ws'
import { Connection } from './connection'
import type { ContentShape } from './content-shape'
import { CollabError, type AnyExtension, type ConnectionInfo, type DocumentView } from './hooks'
import { runHook } from './run-hooks'
import { MessageBudget } from './message-budget'
import { CloseCode, SAVE_ACK_PARAM } from '../../model/protocol'
import { Room } from './room'
import type { PresenceLink } from './shared-presence'

export const COLLAB_PATH = '/collab'

export interface CollabServerOptions {
  extensions: readonly AnyExtension[]
  /** What documents may hold (the schema): every client update is checked against it. */
  shape: ContentShape
  maxMessageBytes: number
  limits: {
    /** New websocket connections one address may open per minute. */
    connectionsPerMinute: number
    /** Messages one connection may send per second, sustained, and in a burst. */
    messagesPerSecond: number
    messageBurst: number
  }
  /** Where a connection comes from, for the per-address limit: behind a proxy, the client it vouches for. */
  clientAddress?: (request: IncomingMessage) => string | undefined
  logger: Logger
  /** The clock that dates every change (ms since 1970); tests may set it. */
  now?: () => number
  /** The other nodes serving the same documents (REDIS_URL), if there are any. */
  presenceLink?: PresenceLink | null
  /** Counts new connections per address; in memory, from limits.connectionsPerMinute, unless given (shared-limits.ts). */
  connectionLimiter?: RateLimiterAbstract
}

/** Server-side access to a document, as if it were a client: keeps it loaded until released. */
export interface DocumentHandle {
  readonly document: DocumentView
  release(): Promise<void>
}

interface LoadedRoom {
  room: Room
  holders: number
  /** Set once unloading starts: a room is stored and destroyed exactly once. */
  unloading: Promise<void> | null
}

export class CollabServer {
  private readonly sockets: WebSocketServer
  private readonly connections = new Set<Connection>()
  private readonly loading = new Map<string, Promise<LoadedRoom>>()
  /** The rooms that finished loading and have not started unloading. */
  private readonly loaded = new Map<string, LoadedRoom>()
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly connectionsPerAddress: RateLimiterAbstract
  private closing = false

  constructor(private readonly options: CollabServerOptions) {
    this.sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes })
    this.connectionsPerAddress = options.connectionLimiter ?? new RateLimiterMemory({ points: options.limits.connectionsPerMinute, duration: 60 })
  }

  /** For the HTTP server's 'upgrade' event. Returns false when the path is not ours. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!url.pathname.startsWith(`${COLLAB_PATH}/`)) return false
    const documentId = safeDecode(url.pathname.slice(COLLAB_PATH.length + 1))
    this.connectionsPerAddress.consume(this.clientAddress(request) ?? 'unknown').then(
      () =>
        this.sockets.handleUpgrade(request, socket, head, (websocket) => {
          void this.accept(websocket, request, documentId, url.searchParams.get(SAVE_ACK_PARAM) === '1')
        }),
      // Refused before the upgrade, so the stock provider retries with its backoff.
      () => socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'),
    )
    return true
  }


  private clientAddress(request: IncomingMessage): string | undefined {
    return this.options.clientAddress ? this.options.clientAddress(request) : request.socket.remoteAddress
  }

  /** Opens a document on the server's side, loading it if no client has. */
  async openDocument(documentId: string): Promise<DocumentHandle> {
    const loaded = await this.acquire(documentId)
    let released = false
    return {
      document: loaded.room,
      release: async () => {
        if (released) return
        released = true
        await this.release(loaded)
      },
    }
  }

  /** The document, if it is in memory and not leaving it: for work that concerns only a loaded document. */
  loadedDocument(documentId: string): DocumentView | undefined {
    return this.loaded.get(documentId)?.room
  }

  get openConnections(): number {
    return this.connections.size
  }

  /** Documents in memory, including those still loading or being stored. */
  get openDocuments(): number {
    return this.loading.size + this.unloading.size
  }

  /** Closes every connection and stores every loaded document. */
  async close(): Promise<void> {
    this.closing = true
    for (const connection of this.connections) connection.close(CloseCode.goingAway, 'the server is shutting down')
    const rooms = await Promise.allSettled(this.loading.values())
    await Promise.all(
      rooms.flatMap((result) => (result.status === 'fulfilled' ? [this.unload(result.value)] : [])),
    )
    await Promise.allSettled(this.unloading.values())
    this.sockets.close()
  }

  private async accept(websocket: WebSocket, request: IncomingMessage, documentId: string, wantsSaveAck: boolean) {
    const info: ConnectionInfo = {
      id: randomUUID(),
      documentId,
      remoteAddress: this.clientAddress(request),
      user: null,
      close: (error) => connection.close(error.code, error.message),
    }
    const logger = this.options.logger
    const { messagesPerSecond, messageBurst } = this.options.limits
    const budget = new MessageBudget(messagesPerSecond, messageBurst)
    const connection: Connection = new Connection(websocket, { info, wantsSaveAck, budget, logger })
    this.connections.add(connection)
    let loaded: LoadedRoom | null = null
    websocket.on('error', (error) => logger.debug({ err: error, connection: info.id }, 'websocket error'))
    websocket.on('close', () => {
      this.connections.delete(connection)
      const room = loaded
      room?.room.leave(connection)
      // Every connection hears onDisconnect, also one that left before its document loaded.
      void runHook(this.options.extensions, 'onDisconnect', (extension) => ({
        documentId,
        document: room?.room ?? null,
        connection: info,
        state: room ? room.room.stateOf(extension) : null,
      }))
        .catch((error: unknown) => logger.error({ err: error }, 'onDisconnect failed'))
        .finally(() => room && this.release(room))
    })
    try {
      if (this.closing) throw new CollabError('goingAway', 'the server is shutting down')
      await runHook(this.options.extensions, 'onAuthenticate', () => ({ documentId, request, connection: info }))
      const room = await this.acquire(documentId)
      if (!connection.isOpen) {
        await this.release(room)
        return
      }
      loaded = room
      await runHook(this.options.extensions, 'beforeJoin', (extension) => ({
        documentId,
        document: room.room,
        connection: info,
        state: room.room.stateOf(extension),
      }))
      if (!connection.isOpen) return
      connection.attach(room.room)
      await runHook(this.options.extensions, 'onJoin', (extension) => ({
        documentId,
        document: room.room,
        connection: info,
        state: room.room.stateOf(extension),
      }))
    } catch (error) {
      if (error instanceof CollabError) {
        connection.close(error.code, error.message)
      } else {
        logger.error({ err: error, document: documentId }, 'could not open a document for a client')
        connection.close(CloseCode.internalError, 'the document could not be opened')
      }
    }
  }

  private async acquire(documentId: string): Promise<LoadedRoom> {
    for (;;) {
      if (this.closing) throw new CollabError('goingAway', 'the server is shutting down')
      const unloading = this.unloading.get(documentId)
      if (unloading) {
        await unloading
        continue
      }
      let loading = this.loading.get(documentId)
      if (!loading) {
        loading = this.load(documentId)
        this.loading.set(documentId, loading)
        loading.catch(() => this.loading.delete(documentId))
      }
      const loaded = await loading
      // It may have started unloading while we waited; then wait for that and load it afresh.
      if (this.loading.get(documentId) !== loading) continue
      loaded.holders++
      return loaded
    }
  }

  private async load(documentId: string): Promise<LoadedRoom> {
    const room: Room = new Room({
      documentId,
      extensions: this.options.extensions,
      shape: this.options.shape,
      onStorageFailure: (failed, error) => this.storageFailed(failed, error),
      onHookFailure: (failed, extension, error) =>
        this.options.logger.error({ err: error, document: failed.documentId, extension: extension.name }, 'an onChange hook failed'),
      now: this.options.now ?? Date.now,
      presenceLink: this.options.presenceLink ?? null,
    })
    try {
      await runHook(this.options.extensions, 'onLoadDocument', (extension) => ({ documentId, document: room, state: room.stateOf(extension) }))
    } catch (error) {
      room.destroy()
      throw error
    }
    room.open()
    const loaded: LoadedRoom = { room, holders: 0, unloading: null }
    this.loaded.set(documentId, loaded)
    return loaded
  }

  private async release(loaded: LoadedRoom): Promise<void> {
    loaded.holders--
    if (loaded.holders === 0) await this.unload(loaded)
  }

  private unload(loaded: LoadedRoom): Promise<void> {
    if (loaded.unloading) return loaded.unloading
    const { room } = loaded
    const documentId = room.documentId
    this.loading.delete(documentId)
    this.loaded.delete(documentId)
    const unloading = (async () => {
      try {
        await room.settle()
        await runHook(this.options.extensions, 'onStoreDocument', (extension) => ({ documentId, document: room, state: room.stateOf(extension) }))
      } catch (error) {
        this.options.logger.error({ err: error, document: documentId }, 'could not store a document')
      } finally {
        room.destroy()
        this.unloading.delete(documentId)
      }
    })()
    loaded.unloading = unloading
    this.unloading.set(documentId, unloading)
    return unloading
  }

  /**
   * A change could not be stored, so what is in memory is ahead of the disk. Close
   * every client of the room: on reconnect they resync against what the disk holds
   * and resend what it lacks.
   */
  private storageFailed(room: Room, error: unknown): void {
    this.options.logger.error({ err: error, document: room.documentId }, 'storing a change failed')
    for (const connection of this.connections) {
      if (connection.info.documentId === room.documentId) connection.storageFailure()
    }
  }
}

function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component)
  } catch {
    return component
  }
}
