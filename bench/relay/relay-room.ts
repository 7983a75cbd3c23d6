/**
 * One room of the plain relay (plain-relay.ts): a Y.Doc kept in memory, every sync message
 * applied with y-protocols and every change forwarded to the room's other sockets. Apart from
 * the websocket server so that bench/update-cost.ts can feed it frames in-process and measure
 * the CPU it spends per update beside Coffeehouse's room, in the same run.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1

/** What the relay needs of a websocket. */
export interface RelaySocket {
  send(frame: Uint8Array): void
}

export class RelayRoom {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly sockets = new Set<RelaySocket>()

  constructor() {
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeUpdate(encoder, update)
      this.forward(encoding.toUint8Array(encoder), origin)
    })
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added!, ...updated!, ...removed!]))
      this.forward(encoding.toUint8Array(encoder), origin)
    })
  }

  /** Adds a socket and sends it sync step 1, as y-websocket's own server does. */
  join(socket: RelaySocket): void {
    this.sockets.add(socket)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    socket.send(encoding.toUint8Array(encoder))
  }

  leave(socket: RelaySocket): void {
    this.sockets.delete(socket)
  }

  /** Applies one frame from `socket`, trusting every byte of it. */
  receive(frame: Uint8Array, socket: RelaySocket): void {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.readSyncMessage(decoder, encoder, this.doc, socket)
      if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder))
    } else if (type === MESSAGE_AWARENESS) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), socket)
    }
  }

  private forward(frame: Uint8Array, origin: unknown): void {
    for (const socket of this.sockets) if (socket !== origin) socket.send(frame)
  }
}
