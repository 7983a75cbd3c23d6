/**
 * The y-websocket handshake without a whole client: a websocket that sends sync step 1 with a
 * given state vector, answers the server's step 1 with a given step 2, and counts what it
 * receives. The crowd's clients (authors, readers, probes) are built on it so that a benchmark
 * process can hold hundreds of them: none applies what it receives to a document.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../model/protocol'

/** A sync message's payload as it arrived: step 2 or an update (both carry a Yjs update). */
export type UpdateListener = (update: Uint8Array) => void

export interface LightSocketOptions {
  url: string
  cookie?: string
  /** What this client holds, for its step 1 and its answer to the server's. */
  doc: Y.Doc
  /** Called with every update the server sends; by default updates are only counted. */
  onUpdate?: UpdateListener
}

export class LightSocket {
  bytes = 0
  frames = 0
  private readonly socket: WebSocket
  private readonly handshake: Promise<void>
  readonly closed: Promise<{ code: number; reason: string }>

  constructor(private readonly options: LightSocketOptions) {
    this.socket = new WebSocket(options.url, { headers: options.cookie ? { cookie: options.cookie } : {}, perMessageDeflate: false })
    this.socket.binaryType = 'nodebuffer'
    this.closed = new Promise((resolve) => this.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })))
    this.handshake = new Promise((resolve, reject) => {
      this.socket.once('open', () => this.send(syncFrame(SYNC_STEP_1, Y.encodeStateVector(options.doc))))
      this.socket.once('error', reject)
      void this.closed.then(({ code, reason }) => reject(new Error(`closed during the handshake: ${code} ${reason}`)))
      this.socket.on('message', (data: Buffer) => {
        if (this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))) resolve()
      })
    })
  }

  /** Resolves once the server's step 2 has arrived: the client is as synced as a provider would be. */
  ready(): Promise<void> {
    return this.handshake
  }

  sendUpdate(update: Uint8Array): void {
    this.send(syncFrame(SYNC_UPDATE, update))
  }

  sendAwareness(update: Uint8Array): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, update)
    this.send(encoding.toUint8Array(encoder))
  }

  close(): void {
    this.socket.close()
  }

  private send(frame: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(frame)
  }

  /** Returns true for the server's step 2. */
  private receive(frame: Uint8Array): boolean {
    this.bytes += frame.byteLength
    this.frames++
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false
    const step = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (step === SYNC_STEP_1) this.send(syncFrame(SYNC_STEP_2, Y.encodeStateAsUpdate(this.options.doc, payload)))
    else this.options.onUpdate?.(payload)
    return step === SYNC_STEP_2
  }
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}
