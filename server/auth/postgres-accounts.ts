/**
 * People's accounts in PostgreSQL, shared by every node (accounts.ts). Every node keeps every
 * account in memory, without its password hash, to name people in pages without a query per
 * name: a hundred thousand accounts take some tens of megabytes. A node that makes or changes an
 * account tells the others (NOTIFY), and each reads the row again; a node that lost the
 * notifications for a while reads them all again.
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import type { Database } from '../storage/postgres/database'
import { inTransaction, isUniqueViolation } from '../storage/postgres/transaction'
import { UsernameTakenError, type Accounts, type NewAccount, type User } from './accounts'
import { colorOfAccount } from './account-colors'
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './passwords'

const CHANNEL = 'coffeehouse_accounts'

interface AccountRow {
  id: string
  username: string
  display_name: string
  color: string
  is_admin: boolean
  created_at: Date
}

const COLUMNS = 'id, username, display_name, color, is_admin, created_at'

export class PostgresAccounts implements Accounts {
  private readonly byId = new Map<string, User>()
  private readonly byUsername = new Map<string, User>()

  private constructor(private readonly pool: pg.Pool) {}

  static async open(database: Database, onError: (error: unknown) => void): Promise<PostgresAccounts> {
    const accounts = new PostgresAccounts(database.pool)
    const reload = (id: string) => accounts.load(id).catch(onError)
    await database.notifications.listen(CHANNEL, (id) => void reload(id))
    database.notifications.onReconnect(() => void accounts.loadAll().catch(onError))
    await accounts.loadAll()
    return accounts
  }

  get(id: string): User | undefined {
    const user = this.byId.get(id)
    return user && { ...user }
  }

  findByUsername(username: string): User | undefined {
    const user = this.byUsername.get(username.toLowerCase())
    return user && { ...user }
  }

  async find(id: string): Promise<User | undefined> {
    return this.get(id) ?? (await this.load(id))
  }

  async create(details: NewAccount, now: Date): Promise<User> {
    const username = details.username.toLowerCase()
    const passwordHash = await hashPassword(details.password)
    try {
      const row = await inTransaction(this.pool, async (client) => {
        // One sign-up at a time across every node, so that two first sign-ups cannot both become
        // admin, nor two people take the same colour in turn. Signing in and reading go on.
        await client.query('LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE')
        const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM accounts')
        const before = Number(rows[0]?.count)
        const created = await client.query<AccountRow>(
          `INSERT INTO accounts (id, username, display_name, color, is_admin, created_at, password_hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
          [randomUUID(), username, details.displayName, colorOfAccount(before), before === 0, now, passwordHash],
        )
        await client.query('SELECT pg_notify($1, $2)', [CHANNEL, created.rows[0]!.id])
        return created.rows[0]!
      })
      return { ...this.remember(row) }
    } catch (error) {
      if (isUniqueViolation(error)) throw new UsernameTakenError(`The username "${username}" is taken.`)
      throw error
    }
  }

  async authenticate(username: string, password: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<AccountRow & { password_hash: string }>(`SELECT ${COLUMNS}, password_hash FROM accounts WHERE username = $1`, [
      username.toLowerCase(),
    ])
    const row = rows[0]
    const valid = await verifyPassword(password, row?.password_hash ?? UNKNOWN_USER_HASH)
    return row && valid ? { ...this.remember(row) } : undefined
  }

  async updateProfile(id: string, profile: { displayName?: string | undefined; color?: string | undefined }): Promise<User | undefined> {
    const row = await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<AccountRow>(
        `UPDATE accounts SET display_name = coalesce($2, display_name), color = coalesce($3, color) WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, profile.displayName ?? null, profile.color ?? null],
      )
      if (rows[0]) await client.query('SELECT pg_notify($1, $2)', [CHANNEL, id])
      return rows[0]
    })
    return row && { ...this.remember(row) }
  }

  private async load(id: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<AccountRow>(`SELECT ${COLUMNS} FROM accounts WHERE id = $1`, [id])
    const user = rows[0] && this.remember(rows[0])
    return user && { ...user }
  }

  private async loadAll(): Promise<void> {
    const { rows } = await this.pool.query<AccountRow>(`SELECT ${COLUMNS} FROM accounts`)
    for (const row of rows) this.remember(row)
  }

  private remember(row: AccountRow): User {
    const user: User = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      color: row.color,
      isAdmin: row.is_admin,
      createdAt: row.created_at.toISOString(),
    }
    this.byId.set(user.id, user)
    this.byUsername.set(user.username, user)
    return user
  }
}
