/**
 * One process of the crowd: some authors, readers and probes, as the coordinator (crowd.ts)
 * plans them. Spreading them over processes keeps the clients from being what a benchmark
 * measures: each process has its own event loop, and the machine's cores share them.
 */
import type { ClientPlan, FromClients, ToClients } from './messages'
import { EditProbe } from './edit-probe'
import { LightAuthor } from './light-author'
import { LightSocket } from './light-socket'
import * as Y from 'yjs'
import { machineNow } from './machine-clock'

interface Crowd {
  plan: ClientPlan
  authors: LightAuthor[]
  readers: LightSocket[]
  probes: EditProbe[]
  closed: number
}

const say = (message: FromClients) => process.send!(message)

async function join(plan: ClientPlan): Promise<Crowd> {
  const url = (node: number) => `${plan.collabUrls[node]}/${encodeURIComponent(plan.documentId)}`
  const authors = plan.authors.map((author) => new LightAuthor(url(author.node), plan.base, author, plan.carets))
  const readers = plan.readerNodes.map((node) => new LightSocket({ url: url(node), doc: new Y.Doc() }))
  const probes = plan.probeNodes.map((node) => new EditProbe(url(node)))
  const crowd: Crowd = { plan, authors, readers, probes, closed: 0 }
  // Every close before the coordinator says stop is the server's doing, and counts against it.
  for (const client of [...authors, ...readers, ...probes]) void client.closed.then(() => crowd.closed++)
  await Promise.all([...authors, ...readers, ...probes].map((client) => client.ready()))
  return crowd
}

/** Every author types `edits` characters at `editsPerSecond`, each starting at its own phase. */
async function type(crowd: Crowd, at: number, phases: number[]): Promise<void> {
  const { authors, plan } = crowd
  const interval = 1000 / plan.editsPerSecond
  const due = authors.map((_, index) => at + phases[index]!)
  const done = new Array<number>(authors.length).fill(0)
  let remaining = authors.length * plan.edits
  while (remaining > 0) {
    const now = machineNow()
    let next = Number.POSITIVE_INFINITY
    for (let index = 0; index < authors.length; index++) {
      if (done[index] === plan.edits) continue
      if (due[index]! <= now) {
        authors[index]!.type()
        done[index]!++
        remaining--
        due[index]! += interval
      }
      if (done[index]! < plan.edits) next = Math.min(next, due[index]!)
    }
    if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - machineNow())))
  }
}

async function main(): Promise<void> {
  let crowd: Crowd | null = null
  process.on('message', async (message: ToClients) => {
    try {
      switch (message.type) {
        case 'plan':
          crowd = await join(message.plan)
          say({ type: 'ready' })
          return
        case 'start': {
          const cpu = process.cpuUsage()
          const started = machineNow()
          await type(crowd!, message.at, message.phases)
          const { user, system } = process.cpuUsage(cpu)
          say({ type: 'typed', authors: crowd!.authors.map((author) => author.report()), cpuSeconds: (user + system) / 1e6, seconds: (machineNow() - started) / 1000 })
          return
        }
        case 'await': {
          await Promise.all(crowd!.probes.map((probe) => probe.holds(new Map(message.finals), message.deadline)))
          const readers = crowd!.readers
          say({
            type: 'arrived',
            probes: crowd!.probes.map((probe) => probe.report()),
            readerBytes: readers.reduce((sum, reader) => sum + reader.bytes, 0),
            readerFrames: readers.reduce((sum, reader) => sum + reader.frames, 0),
            closed: crowd!.closed,
          })
          return
        }
        case 'stop':
          for (const client of [...crowd!.authors, ...crowd!.readers, ...crowd!.probes]) client.close()
          process.disconnect()
          return
      }
    } catch (error) {
      say({ type: 'failed', message: (error as Error).stack ?? String(error) })
    }
  })
}

await main()
