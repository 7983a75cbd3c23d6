import { describe } from 'vitest'
import { Database } from '../../server/storage/postgres/database'
import { PostgresStore } from '../../server/storage/postgres/postgres-store'
import { databaseUrlIn, freshSchema, postgresAvailable } from '../support/postgres'
import { describeStoreContract, type MakeStorage } from './store-contract'

/** A schema of its own; each store opened over it is a server restarting on the same database. */
const postgresStorage: MakeStorage = async ({ now }) => {
  const database = await Database.open(databaseUrlIn(await freshSchema()), (error) => {
    throw error
  })
  return {
    open: async () =>
      new PostgresStore({
        database,
        now,
        onBackgroundError: (error) => {
          throw error
        },
      }),
    remove: () => database.close(),
  }
}

describe.runIf(postgresAvailable)('on PostgreSQL', () => {
  describeStoreContract('the PostgreSQL store', postgresStorage)
})
