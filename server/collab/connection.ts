/**
 * One client's websocket. Frames that arrive before the document is loaded wait
 * in order; after that each frame is decoded, checked and handed to the room.
 * Any malformed frame closes this connection only: the document and the other
 * clients are not affected.
 */
import type { Logger } from 'pino'
import { WebSocket } from 'ws'
import { decodeClientFrame, MalformedMessageError, type ClientMessage } from './frames'
import { CollabError, type ConnectionInfo } from './hooks'
import { CloseCode, encodeSaved } from '../../model/protocol'
import type { MessageBudget } from './message-budget'
import type { Room, RoomMember } from './room'
import { TooManyHeldUpdatesError } from './held-updates'
import { InvalidUpdateError } from './update-check'

/**
 * 64 frames: a client sends three or four before it hears from us (sync step 1,
 * awareness, perhaps an update); many more before the document has even loaded
 * is a client flooding us.
 */
const MAX_FRAMES_BEFORE_READY = 64

/**
 * 16 MiB queued for one client: a client that stops reading must not make the
 * server hold every update for it. Closed, it reconnects and resyncs from scratch.
 */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024

/** A websocket close reason may be at most 123 bytes. */
const MAX_REASON_LENGTH = 120

export interface ConnectionOptions {
  info: ConnectionInfo
  /** The client asked for save acknowledgements (?saveAck=1). */
  wantsSaveAck: boolean
  budget: MessageBudget
  logger: Logger
}

export class Connection implements RoomMember {
  readonly info: ConnectionInfo
  private room: Room | null = null
  /** Frames that arrived before the document was loaded, or while updates wait for a check (waitFor). */
  private waiting: Uint8Array[] = []
  private paused = false
  /** Updates from the socket read being handled, applied together once it has been (receiveUpdate). */
  private receivedUpdates: Uint8Array[] = []
  private updatesReceived = 0
  private acknowledgements: Promise<void> = Promise.resolve()
  private storageFailed = false
  /** The newest durable count not yet sent; acknowledgements that become due together go out as one. */
  private dueAcknowledgement = 0
  private acknowledgementScheduled = false

  constructor(
    private readonly socket: WebSocket,
    private readonly options: ConnectionOptions,
  ) {
    this.info = options.info
    socket.binaryType = 'nodebuffer'
    socket.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary))
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN
  }

  /** Joins the loaded room, then handles what arrived in the meantime. */
  attach(room: Room): void {
    if (!this.isOpen) return
    this.room = room
    room.join(this)
    this.handleWaiting(room)
  }

  private handleWaiting(room: Room): void {
    while (!this.paused && this.waiting.length > 0 && this.isOpen) this.handle(room, this.waiting.shift()!)
  }

  send(frame: Uint8Array): void {
    if (!this.isOpen) return
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.internalError, 'the client is not reading fast enough')
      return
    }
    this.socket.send(frame)
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.CLOSED || this.socket.readyState === WebSocket.CLOSING) return
    this.socket.close(code, truncate(reason))
  }

  /** Stops acknowledging: a store failed, so later acknowledgements could be false. */
  storageFailure(): void {
    this.storageFailed = true
    this.close(CloseCode.storageUnavailable, 'the document could not be stored; your edits are kept and resent')
  }

  private receive(data: Buffer, isBinary: boolean): void {
    // Frames already on their way when the server closed the connection (on signing out, say) count for nothing.
    if (!this.isOpen) return
    const pause = this.options.budget.spend()
    if (pause > 0) {
      this.socket.pause()
      setTimeout(() => this.socket.resume(), pause)
    }
    if (!isBinary) {
      this.close(CloseCode.malformedMessage, 'frames must be binary')
      return
    }
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    if (this.room && !this.paused) {
      this.handle(this.room, frame)
    } else if (this.waiting.length < MAX_FRAMES_BEFORE_READY) {
      this.waiting.push(frame)
    } else {
      this.close(CloseCode.malformedMessage, 'too many frames before the document was ready')
    }
  }

  private handle(room: Room, frame: Uint8Array): void {
    let message: ClientMessage
    try {
      message = decodeClientFrame(frame)
    } catch (error) {
      this.applyReceivedUpdates(room)
      this.refuse(error)
      return
    }
    if (message.kind === 'sync-step-2' || message.kind === 'sync-update') {
      this.receiveUpdate(room, message.update)
      return
    }
    // Whatever came before a frame is handled before it.
    this.applyReceivedUpdates(room)
    if (this.paused) {
      // The updates before it wait for a check (waitFor): it waits behind them, first in line.
      this.waiting.unshift(frame)
      return
    }
    try {
      this.dispatch(room, message)
    } catch (error) {
      this.refuse(error)
    }
  }

  /**
   * Updates are applied once the socket read that brought them has been handled, all of them
   * together (Room.applyClientUpdates): ws emits the frames of one read one after another, before
   * any microtask runs. A person typing sends one frame per read, which waits for nothing; a client
   * sending a backlog (a reconnection, a benchmark's writer) sends several: six a read on average
   * with the throughput benchmark's writer.
   */
  private receiveUpdate(room: Room, update: Uint8Array): void {
    this.receivedUpdates.push(update)
    if (this.receivedUpdates.length === 1) queueMicrotask(() => this.applyReceivedUpdates(room))
  }

  private applyReceivedUpdates(room: Room): void {
    if (this.receivedUpdates.length === 0 || this.paused) return
    const updates = this.receivedUpdates
    this.receivedUpdates = []
    // Frames already on their way when the server closed the connection count for nothing (see receive).
    if (!this.isOpen) return
    const { stored, refusal, later } = room.applyClientUpdates(updates, this)
    for (const each of stored) this.acknowledgeWhenStored(each)
    if (refusal !== null) this.refuse(refusal)
    else if (later) this.waitFor(room, later.ready, later.updates)
  }

  /**
   * An update can be judged only once something asynchronous is settled (CheckLater: a client id
   * claimed with the other nodes). It and everything after it wait, in order, then go on.
   */
  private waitFor(room: Room, ready: Promise<void>, updates: readonly Uint8Array[]): void {
    this.paused = true
    ready.then(
      () => {
        this.paused = false
        if (!this.isOpen) return
        this.receivedUpdates = [...updates, ...this.receivedUpdates]
        this.applyReceivedUpdates(room)
        this.handleWaiting(room)
      },
      (refusal: unknown) => this.refuse(refusal),
    )
  }

  private dispatch(room: Room, message: Exclude<ClientMessage, { kind: 'sync-step-2' | 'sync-update' }>): void {
    switch (message.kind) {
      case 'sync-step-1':
        void room.diff(message.stateVector).then((step2) => this.send(step2))
        return
      case 'awareness':
        room.applyAwareness(message.entries, this)
        return
      case 'query-awareness':
        this.send(room.encodeAllAwareness())
        return
    }
  }

  /** Acknowledgements go out in order, each once its update and all before it are durable. */
  private acknowledgeWhenStored(stored: Promise<void>): void {
    const count = ++this.updatesReceived
    this.acknowledgements = this.acknowledgements
      .then(() => stored)
      .then(
        () => this.acknowledge(count),
        () => {
          this.storageFailed = true
        },
      )
  }

  private acknowledge(count: number): void {
    if (!this.options.wantsSaveAck || this.storageFailed) return
    this.dueAcknowledgement = count
    if (this.acknowledgementScheduled) return
    this.acknowledgementScheduled = true
    // One group commit makes many updates durable at once; one frame says so for all of them.
    setImmediate(() => {
      this.acknowledgementScheduled = false
      if (!this.storageFailed) this.send(encodeSaved(this.dueAcknowledgement))
    })
  }

  refuse(error: unknown): void {
    if (error instanceof TooManyHeldUpdatesError) {
      this.close(CloseCode.tooManyHeldUpdates, error.message)
    } else if (error instanceof MalformedMessageError || error instanceof InvalidUpdateError) {
      this.options.logger.warn({ connection: this.info.id, document: this.info.documentId, reason: error.message }, 'malformed message')
      this.close(CloseCode.malformedMessage, error.message)
    } else if (error instanceof CollabError) {
      this.close(error.code, error.message)
    } else {
      this.options.logger.error({ err: error, connection: this.info.id }, 'failed to handle a message')
      this.close(CloseCode.internalError, 'internal error')
    }
  }
}

function truncate(reason: string): string {
  // Counted in UTF-8 bytes; the reasons we write are ASCII, but a message may quote client data.
  const bytes = Buffer.from(reason)
  return bytes.length <= MAX_REASON_LENGTH ? reason : bytes.subarray(0, MAX_REASON_LENGTH).toString('utf8').replace(/\uFFFD$/, '')
}
