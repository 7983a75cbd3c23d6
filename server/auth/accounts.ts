/**
 * People's accounts, in lowdb (DATA_DIR/accounts.json, written durably).
 * The first account created on a fresh install is the site admin.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { Low } from 'lowdb'
import { PALETTE } from '../../model/palette'
import { DurableJsonAdapter } from '../storage/durable-json-adapter'
import { hashPassword, verifyPassword } from './passwords'
import { ownValue } from '../storage/own-value'

export interface User {
  id: string
  username: string
  displayName: string
  /** #rrggbb, for the avatar, the caret and (later) authorship colours. */
  color: string
  isAdmin: boolean
  createdAt: string
}

/** What anyone may know about a person. */
export type PublicUser = Pick<User, 'id' | 'username' | 'displayName' | 'color'>

interface StoredUser extends User {
  passwordHash: string
}

interface AccountsFile {
  version: 1
  users: Record<string, StoredUser>
}

export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError'
}

export class Accounts {
  private readonly byUsername = new Map<string, StoredUser>()
  /** Creating an account reads and writes the file; one at a time, so two first sign-ups cannot both become admin. */
  private creating: Promise<unknown> = Promise.resolve()

  private constructor(private readonly db: Low<AccountsFile>) {
    for (const user of Object.values(db.data.users)) this.byUsername.set(user.username, user)
  }

  static async open(dataDir: string): Promise<Accounts> {
    const db = new Low<AccountsFile>(new DurableJsonAdapter(path.join(dataDir, 'accounts.json')), { version: 1, users: {} })
    await db.read()
    return new Accounts(db)
  }

  get(id: string): User | undefined {
    const user = ownValue(this.db.data.users, id)
    return user && toUser(user)
  }

  findByUsername(username: string): User | undefined {
    const user = this.byUsername.get(username.toLowerCase())
    return user && toUser(user)
  }

  create(details: { username: string; password: string; displayName: string }, now: Date): Promise<User> {
    const created = this.creating.then(async () => {
      const username = details.username.toLowerCase()
      if (this.byUsername.has(username)) throw new UsernameTakenError(`The username "${username}" is taken.`)
      const isAdmin = this.byUsername.size === 0
      const user: StoredUser = {
        id: randomUUID(),
        username,
        displayName: details.displayName,
        // The editor's palette, in turn, so that people who join one after another look different.
        color: PALETTE[this.byUsername.size % PALETTE.length]?.value ?? '#1d4ed8',
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

  /** The account, if the password is right. Takes as long for an unknown username as for a known one. */
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

/** A valid hash of nothing anyone knows, checked for unknown usernames so timing does not reveal which exist. */
const UNKNOWN_USER_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

function toUser({ passwordHash: _hash, ...user }: StoredUser): User {
  return { ...user }
}

export function publicUser(user: User): PublicUser {
  return { id: user.id, username: user.username, displayName: user.displayName, color: user.color }
}
