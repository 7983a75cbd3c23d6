/**
 * People's accounts in DATA_DIR/accounts.json, through lowdb, written durably (accounts.ts).
 * The file is read once and every account kept in memory.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { Low } from 'lowdb'
import { DurableJsonAdapter } from '../storage/durable-json-adapter'
import { UsernameTakenError, type Accounts, type NewAccount, type User } from './accounts'
import { colorOfAccount } from './account-colors'
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './passwords'
import { ownValue } from '../storage/own-value'

interface StoredUser extends User {
  passwordHash: string
}

interface AccountsFile {
  version: 1
  users: Record<string, StoredUser>
}

export class FileAccounts implements Accounts {
  private readonly byUsername = new Map<string, StoredUser>()
  /** Creating an account reads and writes the file; one at a time, so two first sign-ups cannot both become admin. */
  private creating: Promise<unknown> = Promise.resolve()

  private constructor(private readonly db: Low<AccountsFile>) {
    for (const user of Object.values(db.data.users)) this.byUsername.set(user.username, user)
  }

  static async open(dataDir: string): Promise<FileAccounts> {
    const db = new Low<AccountsFile>(new DurableJsonAdapter(path.join(dataDir, 'accounts.json')), { version: 1, users: {} })
    await db.read()
    return new FileAccounts(db)
  }

  get(id: string): User | undefined {
    const user = ownValue(this.db.data.users, id)
    return user && toUser(user)
  }

  findByUsername(username: string): User | undefined {
    const user = this.byUsername.get(username.toLowerCase())
    return user && toUser(user)
  }

  async find(id: string): Promise<User | undefined> {
    return this.get(id)
  }

  create(details: NewAccount, now: Date): Promise<User> {
    const created = this.creating.then(async () => {
      const username = details.username.toLowerCase()
      if (this.byUsername.has(username)) throw new UsernameTakenError(`The username "${username}" is taken.`)
      const isAdmin = this.byUsername.size === 0
      const user: StoredUser = {
        id: randomUUID(),
        username,
        displayName: details.displayName,
        // The editor's palette, in turn, so that people who join one after another look different.
        color: colorOfAccount(this.byUsername.size),
        isAdmin,
        createdAt: now.toISOString(),
        passwordHash: await hashPassword(details.password),
      }
      this.db.data.users[user.id] = user
      this.byUsername.set(username, user)
      await this.db.write()
      return toUser(user)
    })
    this.creating = created.catch(() => undefined)
    return created
  }

  async authenticate(username: string, password: string): Promise<User | undefined> {
    const user = this.byUsername.get(username.toLowerCase())
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH)
    return user && valid ? toUser(user) : undefined
  }

  async updateProfile(id: string, profile: { displayName?: string | undefined; color?: string | undefined }): Promise<User | undefined> {
    const user = ownValue(this.db.data.users, id)
    if (!user) return undefined
    if (profile.displayName !== undefined) user.displayName = profile.displayName
    if (profile.color !== undefined) user.color = profile.color
    await this.db.write()
    return toUser(user)
  }
}

function toUser({ passwordHash: _hash, ...user }: StoredUser): User {
  return { ...user }
}
