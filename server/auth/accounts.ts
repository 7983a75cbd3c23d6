/**
 * People's accounts: what the rest of the server may ask of them. file-accounts.ts keeps them in
 * DATA_DIR; postgres-accounts.ts in PostgreSQL, shared by every node. The first account created
 * on a fresh install is the site admin.
 */

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

export interface NewAccount {
  username: string
  password: string
  displayName: string
}

export interface Accounts {
  /**
   * The account, from memory: for naming people in pages and feeds. With several nodes, an account
   * made on another node a moment ago may not be known yet; find() asks storage.
   */
  get(id: string): User | undefined
  findByUsername(username: string): User | undefined
  /** The account, asking storage when it is not known here yet: for deciding who someone is. */
  find(id: string): Promise<User | undefined>
  /** Refused with UsernameTakenError. Usernames are kept in lowercase. */
  create(details: NewAccount, now: Date): Promise<User>
  /** The account, if the password is right. Takes as long for an unknown username as for a known one. */
  authenticate(username: string, password: string): Promise<User | undefined>
  updateProfile(id: string, profile: { displayName?: string | undefined; color?: string | undefined }): Promise<User | undefined>
}

export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError'
}

export function publicUser(user: User): PublicUser {
  return { id: user.id, username: user.username, displayName: user.displayName, color: user.color }
}
