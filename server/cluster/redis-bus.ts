/**
 * Redis publish/subscribe between nodes, on two connections (a subscribed connection can do
 * nothing else). Messages are bytes. Redis keeps no message for a subscriber that is away, so
 * whoever listens is told when the subscription was made again after a loss, and catches up from
 * what is stored (PostgreSQL); ioredis reconnects and subscribes again by itself.
 */
import { Redis } from 'ioredis'

type Handler = (message: Buffer) => void

export class RedisBus {
  private readonly handlers = new Map<string, Set<Handler>>()
  private readonly reconnectListeners = new Set<() => void>()
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private ready = false

  private constructor(url: string, onError: (error: unknown) => void) {
    this.publisher = new Redis(url, { lazyConnect: true })
    this.subscriber = new Redis(url, { lazyConnect: true })
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', onError)
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      for (const handler of this.handlers.get(channel.toString()) ?? []) handler(message)
    })
    this.subscriber.on('ready', () => {
      // The first 'ready' is the connection being made; every later one follows a loss.
      if (this.ready) for (const listener of this.reconnectListeners) listener()
      this.ready = true
    })
  }

  static async open(url: string, onError: (error: unknown) => void): Promise<RedisBus> {
    const bus = new RedisBus(url, onError)
    try {
      await Promise.all([bus.publisher.connect(), bus.subscriber.connect()])
    } catch (error) {
      bus.publisher.disconnect()
      bus.subscriber.disconnect()
      throw error
    }
    return bus
  }

  /** The connection for commands (rate limits, claims), shared by the parts that need one. */
  get commands(): Redis {
    return this.publisher
  }

  /** Sends without waiting; a message Redis never took is caught up on by its listeners. */
  publish(channel: string, message: Uint8Array): void {
    this.publisher.publish(channel, Buffer.from(message.buffer, message.byteOffset, message.byteLength)).catch(() => undefined)
  }

  /** Calls `handler` with each message on `channel` from now on; resolves, once listening, with how to stop. */
  async subscribe(channel: string, handler: Handler): Promise<() => Promise<void>> {
    const handlers = this.handlers.get(channel) ?? new Set()
    this.handlers.set(channel, handlers)
    handlers.add(handler)
    if (handlers.size === 1) await this.subscriber.subscribe(channel)
    return async () => {
      handlers.delete(handler)
      if (handlers.size > 0 || this.handlers.get(channel) !== handlers) return
      this.handlers.delete(channel)
      await this.subscriber.unsubscribe(channel).catch(() => undefined)
    }
  }

  /** Calls `listener` each time the subscriptions were made again after a loss: messages may have been missed. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener)
    return () => this.reconnectListeners.delete(listener)
  }

  async close(): Promise<void> {
    this.handlers.clear()
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()])
  }
}
