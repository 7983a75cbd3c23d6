/**
 * PostgreSQL's LISTEN/NOTIFY, on a connection of its own: how one node hears that another has
 * changed something it keeps in memory (an account, a session that ended). A notification sent
 * while the connection is down is lost, so after a reconnect every listener is told to catch up
 * from the tables instead.
 */
import pg from 'pg'

type Handler = (payload: string) => void

/** 1 s, doubling to 30 s: soon after a database restart, and no storm while it stays down. */
const FIRST_RETRY_MS = 1_000
const LAST_RETRY_MS = 30_000

export class Notifications {
  private readonly handlers = new Map<string, Set<Handler>>()
  private readonly catchUps = new Set<() => void>()
  private client: pg.Client | null = null
  private retryMs = FIRST_RETRY_MS
  private retry: NodeJS.Timeout | null = null
  private closed = false

  private constructor(
    private readonly connectionString: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  static async open(connectionString: string, onError: (error: unknown) => void): Promise<Notifications> {
    const notifications = new Notifications(connectionString, onError)
    await notifications.connect()
    return notifications
  }

  /** Calls `handler` with the payload of every notification on `channel`, from any node, this one included. */
  async listen(channel: string, handler: Handler): Promise<void> {
    const handlers = this.handlers.get(channel) ?? new Set()
    const first = handlers.size === 0
    handlers.add(handler)
    this.handlers.set(channel, handlers)
    if (first && this.client) await this.client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
  }

  /** Calls `catchUp` after the connection was lost and made again: notifications may have been missed. */
  onReconnect(catchUp: () => void): void {
    this.catchUps.add(catchUp)
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.retry) clearTimeout(this.retry)
    await this.client?.end().catch(() => undefined)
    this.client = null
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString })
    client.on('notification', ({ channel, payload }) => {
      for (const handler of this.handlers.get(channel) ?? []) handler(payload ?? '')
    })
    client.on('error', (error) => this.lost(client, error))
    client.on('end', () => this.lost(client, null))
    await client.connect()
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
    this.client = client
    this.retryMs = FIRST_RETRY_MS
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return
    this.client = null
    if (error) this.onError(error)
    void client.end().catch(() => undefined)
    this.reconnectLater()
  }

  private reconnectLater(): void {
    this.retry = setTimeout(() => {
      this.retry = null
      this.connect().then(
        () => {
          for (const catchUp of this.catchUps) catchUp()
        },
        (error: unknown) => {
          this.onError(error)
          this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS)
          this.reconnectLater()
        },
      )
    }, this.retryMs)
    this.retry.unref()
  }
}
