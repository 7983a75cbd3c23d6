/**
 * scale-out: one document served by three nodes on one PostgreSQL and one Redis, with 50 people
 * typing (5 edits a second each, with carets) and 1,000 reading, spread over the nodes in turn.
 * Probes listen through each node; the p99 from a keystroke to a probe on another node than the
 * author's is the cost of crossing nodes. Beside it, in the same run, the same crowd on one node
 * with the same database and Redis.
 *
 * Needs DATABASE_URL and REDIS_URL (as `.ci/run` sets them); each run uses schemas of its own,
 * dropped at the end. On this benchmark's machine, the three nodes, PostgreSQL, Redis and the
 * crowd's processes share the same cores, so the figures are an upper bound on the cost.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { startCoffeehouse, type Benchmark, type Result, type ServerProcess } from './support'
import { percentile } from './support/stats'
import { runCrowd, type CrowdResult, type Scenario } from './crowd/crowd'
import { crowdAccounts, crowdText } from './crowd/crowd-document'
import { describeCrowd, p99Of } from './crowd/crowd-report'

const NODES = 3
const AUTHORS = 50
const READERS = 1_000
/** A small crowd as well: where the machine is not busy, what is left is the cost of the hop itself. */
const SMALL = { authors: 10, readers: 0 }

function scenario(text: string, crowd = { authors: AUTHORS, readers: READERS }): Scenario {
  return { name: 'scale-out', ...crowd, probes: NODES, editsPerSecond: 5, seconds: 10, warmUpSeconds: 2, processes: 3, text, carets: true }
}

/** Several nodes standing in for one server: set up through the first, their CPU counted together. */
async function startNodes(count: number, environment: Record<string, string>): Promise<ServerProcess> {
  const nodes: ServerProcess[] = []
  // One after another: the first makes the tables.
  for (let index = 0; index < count; index++) nodes.push(await startCoffeehouse(environment))
  return {
    ...nodes[0]!,
    collabUrls: nodes.map((node) => node.collabUrl),
    cpuSeconds: async () => (await Promise.all(nodes.map((node) => node.cpuSeconds()))).reduce((sum, seconds) => sum + seconds, 0),
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()))
    },
  }
}

/** The full crowd, then the small one, on the same server(s). */
async function measure(label: string, server: ServerProcess, text: string): Promise<{ full: CrowdResult; small: CrowdResult }> {
  try {
    const cookies = await crowdAccounts(server, AUTHORS, 'author')
    const full = await runCrowd(server, scenario(text), cookies)
    console.error(`  ${label}: ${describeCrowd(full)}`)
    const small = await runCrowd(server, scenario(text, SMALL), cookies)
    console.error(`  ${label}, ${SMALL.authors} authors alone: ${describeCrowd(small)}`)
    return { full, small }
  } finally {
    await server.stop()
  }
}

/** A schema of its own on the database, and DATABASE_URL pointing into it. */
async function freshSchema(databaseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `coffeehouse_bench_${randomBytes(6).toString('hex')}`
  const administer = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    await client.query(sql).finally(() => client.end())
  }
  await administer(`CREATE SCHEMA ${schema}`)
  const url = new URL(databaseUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return { url: url.toString(), drop: () => administer(`DROP SCHEMA ${schema} CASCADE`) }
}

const crossNode = (result: CrowdResult) =>
  `p50 ${percentile(result.crossNodeLatencies, 0.5).toFixed(1)} ms, p99 ${percentile(result.crossNodeLatencies, 0.99).toFixed(1)} ms`
const delivered = (result: CrowdResult) => result.lost === 0 && result.unarrived === 0 && result.closed === 0

export const scaleOut: Benchmark = {
  name: 'scale-out',
  description: `${NODES} nodes on PostgreSQL and Redis: ${AUTHORS} authors and ${READERS.toLocaleString('en')} readers spread over them, beside one node`,
  async run(): Promise<Result[]> {
    const databaseUrl = process.env.DATABASE_URL
    const redisUrl = process.env.REDIS_URL
    if (!databaseUrl || !redisUrl) {
      console.error('  skipped: set DATABASE_URL and REDIS_URL (for example postgres://postgres@127.0.0.1:5432/test and redis://127.0.0.1:6379)')
      return []
    }
    const text = crowdText()
    const alone = await freshSchema(databaseUrl)
    const together = await freshSchema(databaseUrl)
    try {
      const one = await measure('one node', await startNodes(1, { DATABASE_URL: alone.url, REDIS_URL: redisUrl }), text)
      const three = await measure(`${NODES} nodes`, await startNodes(NODES, { DATABASE_URL: together.url, REDIS_URL: redisUrl }), text)
      return [
        {
          benchmark: 'scale-out',
          figure: `${NODES} nodes, ${AUTHORS} typing, ${READERS.toLocaleString('en')} reading: keystroke to a reader on another node`,
          value: `${crossNode(three.full)}, ${three.full.lost + three.full.unarrived} lost`,
          baseline: `one node: p99 ${p99Of(one.full).toFixed(1)} ms`,
          target: 'reported beside one node, 0 lost',
          met: delivered(three.full),
        },
        {
          benchmark: 'scale-out',
          figure: `${NODES} nodes, ${AUTHORS} typing, ${READERS.toLocaleString('en')} reading: every keystroke to every probe`,
          value: describeCrowd(three.full),
          baseline: `one node: ${describeCrowd(one.full)}`,
          target: '0 lost',
          met: delivered(three.full) && delivered(one.full),
        },
        {
          benchmark: 'scale-out',
          figure: `${NODES} nodes, ${SMALL.authors} typing: keystroke to a probe on another node`,
          value: `${crossNode(three.small)}, ${three.small.lost + three.small.unarrived} lost`,
          baseline: `one node: p50 ${percentile(one.small.latencies, 0.5).toFixed(1)} ms, p99 ${p99Of(one.small).toFixed(1)} ms`,
          target: '0 lost',
          met: delivered(three.small),
        },
      ]
    } finally {
      await Promise.all([alone.drop(), together.drop()])
    }
  },
}
