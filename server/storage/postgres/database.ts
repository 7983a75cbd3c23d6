/**
 * One PostgreSQL database, as every part kept in it shares it: a pool of connections, and a
 * connection that hears other nodes' notifications. Opening it brings its tables up to date
 * (migrations.ts).
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { migrate } from './migrations'
import { Notifications } from './notifications'

export class Database {
  private constructor(
    readonly pool: pg.Pool,
    readonly notifications: Notifications,
    /**
     * Names this database among others, the same on every node that uses it: what they say to
     * each other through a shared Redis is kept apart from what nodes of another database say.
     */
    readonly clusterId: string,
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
      const clusterId = await agreeOnClusterId(pool)
      return new Database(pool, await Notifications.open(connectionString, onBackgroundError), clusterId)
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

/** The first node to start on the database makes the id; every node reads the same. */
async function agreeOnClusterId(pool: pg.Pool): Promise<string> {
  await pool.query(`INSERT INTO server_secrets (name, value) VALUES ('cluster', $1) ON CONFLICT (name) DO NOTHING`, [randomUUID()])
  const { rows } = await pool.query<{ value: string }>(`SELECT value FROM server_secrets WHERE name = 'cluster'`)
  return rows[0]!.value
}
