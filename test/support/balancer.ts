/**
 * A TCP load balancer in front of several nodes, as a reverse proxy would be: each new connection
 * goes to the next node in turn, and to the one after it if that one does not answer. A client
 * whose node dies reconnects through it to another.
 */
import net from 'node:net'
import { onTestFinished } from 'vitest'

export interface Balancer {
  url: string
  collabUrl: string
  add(port: number): void
  remove(port: number): void
}

export async function startBalancer(): Promise<Balancer> {
  const ports: number[] = []
  const sockets = new Set<net.Socket>()
  let turn = 0
  const track = (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
  }
  const connect = (client: net.Socket, attempts: number) => {
    if (attempts === 0 || ports.length === 0) {
      client.destroy()
      return
    }
    const port = ports[turn++ % ports.length]!
    const upstream = net.connect({ host: '127.0.0.1', port })
    track(upstream)
    upstream.once('connect', () => {
      client.pipe(upstream)
      upstream.pipe(client)
      client.resume()
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
    })
    // A dead node refuses: the next one is tried.
    upstream.once('error', () => {
      if (!upstream.readyState.includes('open')) connect(client, attempts - 1)
    })
  }
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    track(client)
    connect(client, ports.length)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => {
    for (const socket of sockets) socket.destroy()
    return new Promise<void>((resolve) => server.close(() => resolve()))
  })
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    add: (node) => void ports.push(node),
    remove: (node) => {
      const index = ports.indexOf(node)
      if (index >= 0) ports.splice(index, 1)
    },
  }
}
