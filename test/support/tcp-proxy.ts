/**
 * A TCP proxy in front of a real server (PostgreSQL, Redis), which a test can cut and restore:
 * the service seen from the application as unreachable, without stopping the service that other
 * tests running beside it use.
 */
import net from 'node:net'
import { onTestFinished } from 'vitest'

export interface TcpProxy {
  port: number
  /** Drops every connection through the proxy, and refuses new ones until restored. */
  cut(): void
  restore(): void
  /** Drops every connection and stops listening: the service's port refuses, as when it is not running. */
  close(): Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  let open = true
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy()
      return
    }
    const upstream = net.connect(target)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => undefined)
    }
    client.pipe(upstream)
    upstream.pipe(client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const close = () => {
    for (const socket of sockets) socket.destroy()
    return new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))
  }
  onTestFinished(close)
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: () => {
      open = false
      for (const socket of sockets) socket.destroy()
    },
    restore: () => {
      open = true
    },
    close,
  }
}
