/**
 * The server's secrets (secrets.ts) in PostgreSQL: the first node to start makes them, and every
 * node reads the same, so a cookie signed by one node is good on all of them.
 */
import type { Database } from '../storage/postgres/database'
import { newSecrets, type Secrets } from './secrets'

export async function loadSharedSecrets(database: Database): Promise<Secrets> {
  const made = newSecrets()
  // Nodes starting at once each offer a pair; the first offer to commit is the one all of them read.
  await database.pool.query(`INSERT INTO server_secrets (name, value) VALUES ('session', $1), ('invite', $2) ON CONFLICT (name) DO NOTHING`, [
    made.sessionSecret,
    made.inviteKey,
  ])
  const { rows } = await database.pool.query<{ name: string; value: string }>(`SELECT name, value FROM server_secrets WHERE name IN ('session', 'invite')`)
  const value = (name: string) => rows.find((row) => row.name === name)?.value ?? ''
  return { sessionSecret: value('session'), inviteKey: value('invite') }
}
