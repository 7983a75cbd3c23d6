/**
 * The baseline that the sync server is measured against: a minimal server of the same
 * y-websocket protocol, written only for comparison. One Y.Doc per room, kept in memory;
 * every sync message is applied with y-protocols and every change is sent to the room's
 * other clients. No persistence, no checks, no accounts, no acknowledgements. It is not a
 * product path: it would lose every document on restart and trust every byte it gets.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import WebSocket, { WebSocketServer } from 'ws'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1

interface RelayRoom {
  doc: Y.Doc
  awareness: awarenessProtocol.Awareness
  sockets: Set<WebSocket>
}

export interface PlainRelay {
  server: Server
  listen(port: number): Promise<AddressInfo>
  close(): Promise<void>
}

export function createPlainRelay(): PlainRelay {
  const rooms = new Map<string, RelayRoom>()
  const server = createServer((_request, response) => response.writeHead(404).end())
  const sockets = new WebSocketServer({ server })

  const roomOf = (name: string): RelayRoom => {
    let room = rooms.get(name)
    if (room) return room
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState(null)
    const created: RelayRoom = { doc, awareness, sockets: new Set() }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeUpdate(encoder, update)
      const frame = encoding.toUint8Array(encoder)
      for (const socket of created.sockets) if (socket !== origin) socket.send(frame)
    })
    awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...added!, ...updated!, ...removed!]))
      const frame = encoding.toUint8Array(encoder)
      for (const socket of created.sockets) if (socket !== origin) socket.send(frame)
    })
    rooms.set(name, created)
    return created
  }

  sockets.on('connection', (socket, request) => {
    const room = roomOf(decodeURIComponent((request.url ?? '/').split('?')[0]!.split('/').pop() ?? ''))
    room.sockets.add(socket)
    socket.binaryType = 'nodebuffer'
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      const type = decoding.readVarUint(decoder)
      if (type === MESSAGE_SYNC) {
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MESSAGE_SYNC)
        syncProtocol.readSyncMessage(decoder, encoder, room.doc, socket)
        if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder))
      } else if (type === MESSAGE_AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(room.awareness, decoding.readVarUint8Array(decoder), socket)
      }
    })
    socket.on('close', () => room.sockets.delete(socket))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, room.doc)
    socket.send(encoding.toUint8Array(encoder))
  })

  return {
    server,
    listen: (port) => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server.address() as AddressInfo))),
    close: async () => {
      for (const client of sockets.clients) client.terminate()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      for (const room of rooms.values()) room.doc.destroy()
    },
  }
}
