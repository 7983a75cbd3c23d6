import { describe, expect, it } from 'vitest'
import { DatabaseTooNewError, migrate, MIGRATIONS } from '../../server/storage/postgres/migrations'
import { freshSchema, poolIn, postgresAvailable } from '../support/postgres'

const newest = MIGRATIONS.at(-1)!.version

describe.runIf(postgresAvailable)('PostgreSQL migrations', () => {
  it('brings an empty database to the newest version, and finds nothing to do the second time', async () => {
    const pool = poolIn(await freshSchema())
    expect(await migrate(pool)).toEqual(MIGRATIONS.map((migration) => migration.version))
    expect(await migrate(pool)).toEqual([])
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM coffeehouse_migrations ORDER BY version')
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version))
  })

  it('applies each migration once when several servers start on one database at the same moment', async () => {
    const pool = poolIn(await freshSchema())
    const applied = await Promise.all([migrate(pool), migrate(pool), migrate(pool)])
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((migration) => migration.version))
  })

  it('applies only the migrations a database has not had yet', async () => {
    const pool = poolIn(await freshSchema())
    await migrate(pool)
    const next = { version: newest + 1, name: 'a later release', sql: 'CREATE TABLE later (id integer)' }
    expect(await migrate(pool, [...MIGRATIONS, next])).toEqual([newest + 1])
    expect((await pool.query('SELECT * FROM later')).rowCount).toBe(0)
  })

  it('refuses a database that a newer release has migrated further, and changes nothing', async () => {
    const pool = poolIn(await freshSchema())
    await migrate(pool, [...MIGRATIONS, { version: newest + 1, name: 'a later release', sql: 'SELECT 1' }])
    await expect(migrate(pool)).rejects.toThrow(DatabaseTooNewError)
    const { rows } = await pool.query<{ version: number }>('SELECT max(version) AS version FROM coffeehouse_migrations')
    expect(rows[0]?.version).toBe(newest + 1)
  })

  it('leaves a database as it was when a migration fails part way', async () => {
    const pool = poolIn(await freshSchema())
    const broken = { version: newest + 1, name: 'broken', sql: 'CREATE TABLE half (id integer); SELECT no_such_column FROM half' }
    await expect(migrate(pool, [...MIGRATIONS, broken])).rejects.toThrow()
    const { rows } = await pool.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()")
    expect(rows).toEqual([])
  })
})
