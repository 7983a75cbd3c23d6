import { describe, expect, it, onTestFinished } from 'vitest'
import { UsernameTakenError } from '../../server/auth/accounts'
import { PostgresAccounts } from '../../server/auth/postgres-accounts'
import { PostgresSessionStore } from '../../server/auth/postgres-session-store'
import { Database } from '../../server/storage/postgres/database'
import { databaseUrlIn, freshSchema, postgresAvailable } from '../support/postgres'

const PASSWORD = 'correct horse battery staple'

/** Two nodes' view of one database: each with its own connections and its own memory. */
async function twoNodes() {
  const url = databaseUrlIn(await freshSchema())
  const open = async () => {
    const database = await Database.open(url, (error) => {
      throw error
    })
    onTestFinished(() => database.close())
    return { database, accounts: await PostgresAccounts.open(database, (error) => {
      throw error
    }) }
  }
  return [await open(), await open()] as const
}

/** Resolves once `condition` holds; notifications arrive as events on the other node's connection. */
async function eventually(condition: () => boolean, database: Database): Promise<void> {
  while (!condition()) await database.pool.query('SELECT pg_sleep(0.01)')
}

describe.runIf(postgresAvailable)('accounts and sessions on PostgreSQL', () => {
  it('makes exactly one site admin when the first two people sign up on two nodes at once', async () => {
    const [a, b] = await twoNodes()
    const [first, second] = await Promise.all([
      a.accounts.create({ username: 'ada', password: PASSWORD, displayName: 'Ada' }, new Date()),
      b.accounts.create({ username: 'bob', password: PASSWORD, displayName: 'Bob' }, new Date()),
    ])
    expect([first.isAdmin, second.isAdmin].filter(Boolean)).toHaveLength(1)
    expect(first.color).not.toBe(second.color)
  })

  it('refuses a username that another node has given out, whatever its case', async () => {
    const [a, b] = await twoNodes()
    await a.accounts.create({ username: 'ada', password: PASSWORD, displayName: 'Ada' }, new Date())
    await expect(b.accounts.create({ username: 'ADA', password: PASSWORD, displayName: 'Ada again' }, new Date())).rejects.toThrow(UsernameTakenError)
  })

  it('finds and signs in, on one node, a person who signed up on another a moment ago', async () => {
    const [a, b] = await twoNodes()
    const ada = await a.accounts.create({ username: 'ada', password: PASSWORD, displayName: 'Ada' }, new Date())
    expect(await b.accounts.find(ada.id)).toEqual(ada)
    expect(await b.accounts.authenticate('Ada', PASSWORD)).toEqual(ada)
    expect(await b.accounts.authenticate('ada', 'wrong horse battery staple')).toBeUndefined()
  })

  it('tells every node of a changed profile, so each names the person anew', async () => {
    const [a, b] = await twoNodes()
    const ada = await a.accounts.create({ username: 'ada', password: PASSWORD, displayName: 'Ada' }, new Date())
    await eventually(() => b.accounts.get(ada.id) !== undefined, b.database)
    await a.accounts.updateProfile(ada.id, { displayName: 'Ada L.' })
    await eventually(() => b.accounts.findByUsername('ada')?.displayName === 'Ada L.', b.database)
    expect(b.accounts.get(ada.id)?.displayName).toBe('Ada L.')
  })

  it('reads on one node a session made on another, and tells the other when it ends', async () => {
    const [a, b] = await twoNodes()
    const fail = (error: unknown) => {
      throw error
    }
    const onA = await PostgresSessionStore.open(a.database, fail)
    const onB = await PostgresSessionStore.open(b.database, fail)
    const cookie = { originalMaxAge: 60_000, expires: new Date(Date.now() + 60_000) }
    await new Promise<void>((resolve, reject) => onA.set('s1', { cookie, userId: 'ada' } as never, (error) => (error ? reject(error) : resolve())))
    const read = await new Promise((resolve, reject) => onB.get('s1', (error, data) => (error ? reject(error) : resolve(data))))
    expect(read).toMatchObject({ userId: 'ada' })

    const ended = new Promise<string>((resolve) => onB.onSessionEnded(resolve))
    onA.destroy('s1')
    expect(await ended).toBe('s1')
    const after = await new Promise((resolve, reject) => onB.get('s1', (error, data) => (error ? reject(error) : resolve(data))))
    expect(after).toBeNull()
  })
})
