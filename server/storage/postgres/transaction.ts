/**
 * Running work in one PostgreSQL transaction on one pooled connection: committed when the work
 * resolves, rolled back when it throws. A connection whose rollback fails is dropped, not reused.
 */
import type pg from 'pg'

export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken = false
  // A connection lost mid-transaction fails the query under way, which is what reports it; the
  // same loss also arrives as an event, and unheard, that event would end the process.
  const lost = () => {
    broken = true
  }
  client.on('error', lost)
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true
    })
    throw error
  } finally {
    client.off('error', lost)
    client.release(broken)
  }
}

/** PostgreSQL's code for a row that a unique constraint already holds. */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === '23505'
