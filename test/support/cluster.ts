/**
 * Several real Coffeehouse servers sharing one PostgreSQL schema and one Redis, as nodes behind a
 * load balancer would: for the tests of scale-out. Needs DATABASE_URL and REDIS_URL (postgres.ts).
 */
import { databaseUrlIn, freshSchema } from './postgres'
import { startServer, type StartOptions, type TestServer } from './server'

export const redisUrl = process.env.REDIS_URL ?? ''

export interface Cluster {
  nodes: TestServer[]
  schema: string
  databaseUrl: string
  /** Starts one more node on the same database and Redis. */
  startNode(overrides?: StartOptions): Promise<TestServer>
}

export async function startCluster(size: number, overrides: StartOptions = {}): Promise<Cluster> {
  const schema = await freshSchema()
  const databaseUrl = databaseUrlIn(schema)
  const startNode = (more: StartOptions = {}) => startServer({ databaseUrl, redisUrl, ...overrides, ...more })
  const nodes: TestServer[] = []
  // One after another: the first creates the tables and the starter document.
  for (let index = 0; index < size; index++) nodes.push(await startNode())
  return { nodes, schema, databaseUrl, startNode }
}
