/**
 * The baseline that the sync server is measured against: a minimal server of the same
 * y-websocket protocol, written only for comparison. One Y.Doc per room, kept in memory;
 * every sync message is applied with y-protocols and every change is sent to the room's
 * other clients. No persistence, no checks, no accounts, no acknowledgements. It is not a
 * product path: it would lose every document on restart and trust every byte it gets.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import WebSocket, { WebSocketServer } from 'ws'
import { RelayRoom } from './relay-room'

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
    if (!room) {
      room = new RelayRoom()
      rooms.set(name, room)
    }
    return room
  }

  sockets.on('connection', (socket: WebSocket, request) => {
    const room = roomOf(decodeURIComponent((request.url ?? '/').split('?')[0]!.split('/').pop() ?? ''))
    socket.binaryType = 'nodebuffer'
    socket.on('message', (data: Buffer) => room.receive(new Uint8Array(data), socket))
    socket.on('close', () => room.leave(socket))
    room.join(socket)
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
