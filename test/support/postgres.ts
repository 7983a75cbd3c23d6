/**
 * A real PostgreSQL for the tests that need one, at DATABASE_URL. Each test gets a schema of its
 * own, dropped when it finishes, so tests running side by side never see each other's tables.
 * Without DATABASE_URL (and REDIS_URL, for several nodes) those tests are skipped, loudly, unless COFFEEHOUSE_REQUIRE_SERVICES=1
 * (set by CI), which turns that into a failure.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { onTestFinished } from 'vitest'

export const databaseUrl = process.env.DATABASE_URL ?? ''
const required = process.env.COFFEEHOUSE_REQUIRE_SERVICES === '1'

export const postgresAvailable = databaseUrl !== ''
/** PostgreSQL and Redis both: what several nodes need. */
export const clusterAvailable = postgresAvailable && (process.env.REDIS_URL ?? '') !== ''

if (!clusterAvailable) {
  const message = `DATABASE_URL or REDIS_URL is not set: the PostgreSQL and scale-out tests ${required ? 'cannot run' : 'are SKIPPED where they need them'}. Set them, for example DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379.`
  if (required) throw new Error(message)
  console.warn(`\n${'!'.repeat(100)}\n!! ${message}\n${'!'.repeat(100)}\n`)
}

/** A new, empty schema, dropped with everything in it once the test is over. */
export async function freshSchema(): Promise<string> {
  const schema = `coffeehouse_test_${randomBytes(6).toString('hex')}`
  await administer(`CREATE SCHEMA ${schema}`)
  onTestFinished(() => administer(`DROP SCHEMA ${schema} CASCADE`))
  return schema
}

/** DATABASE_URL, with the tables in `schema`: what a server or a store under test connects to. */
export function databaseUrlIn(schema: string): string {
  const url = new URL(databaseUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return url.toString()
}

/** A pool over one schema, ended once the test is over. */
export function poolIn(schema: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrlIn(schema) })
  onTestFinished(() => pool.end())
  return pool
}

async function administer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
