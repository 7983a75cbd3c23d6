/**
 * One PostgreSQL database, as every part kept in it shares it: a pool of connections, and a
 * connection that hears other nodes' notifications. Opening it brings its tables up to date
 * (migrations.ts).
 */
import pg from 'pg'
import { migrate } from './migrations'
import { Notifications } from './notifications'

export class Database {
  private constructor(
    readonly pool: pg.Pool,
    readonly notifications: Notifications,
  ) {}

  /**
   * `onBackgroundError`: an error nobody waits for, such as a connection that the database
   * closed while idle (a restart); the next query opens another.
   */
  static async open(connectionString: string, onBackgroundError: (error: unknown) => void): Promise<Database> {
    const pool = new pg.Pool({ connectionString })
    // Without a listener, an idle connection's error would end the process.
    pool.on('error', onBackgroundError)
    try {
      await migrate(pool)
      return new Database(pool, await Notifications.open(connectionString, onBackgroundError))
    } catch (error) {
      await pool.end()
      throw error
    }
  }

  async close(): Promise<void> {
    await this.notifications.close()
    await this.pool.end()
  }
}
