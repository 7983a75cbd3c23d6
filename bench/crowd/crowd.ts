/**
 * A crowd in one document: authors typing, readers counting bytes, probes timing every edit,
 * spread over several client processes (client-process.ts). The coordinator sets up the
 * document, tells every process when to start, and at the end reads the document with one
 * whole client to check that every author's paragraph holds exactly what they typed.
 */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServerProcess } from '../support/processes'
import { openCrowdDocument, readParagraphs } from './crowd-document'
import type { Arrivals } from './edit-probe'
import type { AuthorLog } from './light-author'
import type { ClientPlan, FromClients, ToClients } from './messages'
import { machineNow } from './machine-clock'

export interface Scenario {
  name: string
  authors: number
  readers: number
  probes: number
  editsPerSecond: number
  /** How long the timed typing lasts. */
  seconds: number
  /**
   * Typing before the timed part, checked for loss but not timed: the server's code is compiled
   * as it first runs, and a crowd's first keystrokes all come in the same few milliseconds, which
   * real people joining one by one would not do.
   */
  warmUpSeconds: number
  /** Client processes to spread the crowd over. */
  processes: number
  /** Each author types from its own place in this text. */
  text: string
  carets: boolean
  /** How long the probes may take to catch up after the typing stops before an edit counts as lost (default 30 s). */
  catchUpSeconds?: number
}

export interface CrowdResult {
  /** Per timed keystroke and probe: from the author's send to the probe's receipt, in ms. */
  latencies: number[]
  /** Those of `latencies` where the author and the probe use different servers (none with one server). */
  crossNodeLatencies: number[]
  /** Keystrokes typed after the warm-up, each timed at every probe. */
  timed: number
  /** Keystrokes × probes that never reached a probe. */
  unarrived: number
  /** Characters typed that the final document does not hold where they were typed. */
  lost: number
  edits: number
  /** Server CPU per edit over the typing and the catch-up, in µs. */
  serverMicrosPerEdit: number
  /** Share of a core the server used while the authors typed. */
  serverLoad: number
  /** Share of a core used by the busiest client process. */
  busiestClientLoad: number
  /** Bytes each reader received, on average, per second of typing. */
  readerBytesPerSecond: number
  /** Connections the server closed. */
  closed: number
}

/**
 * Something that runs beside the crowd, such as a person in a browser (bench/browser-crowd.ts):
 * `ready` once the document exists and every client has joined, before anyone types, and
 * `whileTyping` as the authors start; the typing counts as over when both are done.
 */
export interface Companion {
  ready(documentId: string): Promise<void>
  whileTyping(): Promise<void>
}

const CATCH_UP_SECONDS = 30
const clientEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client-process.ts')

export async function runCrowd(
  server: ServerProcess,
  scenario: Scenario,
  cookies: readonly (string | undefined)[],
  options: { companion?: Companion } = {},
): Promise<CrowdResult> {
  const document = await openCrowdDocument(server, scenario.name, scenario.authors, cookies.slice(0, scenario.authors))
  const plans = planProcesses(server, scenario, document.documentId, document.base, document.firstParagraph, cookies)
  const processes = plans.map(() => new ClientProcess())
  try {
    await Promise.all(processes.map((child, index) => child.request({ type: 'plan', plan: plans[index]! }, 'ready')))
    await options.companion?.ready(document.documentId)
    const serverCpu = await server.cpuSeconds()
    const interval = 1000 / scenario.editsPerSecond
    const start = machineNow() + 200
    const typing = Promise.all(
      processes.map((child, index) => {
        // Spread over the first interval, so that the authors do not type in step.
        const phases = plans[index]!.authors.map(({ paragraph }) => ((paragraph - document.firstParagraph) * interval) / scenario.authors)
        return child.request({ type: 'start', at: start, phases }, 'typed')
      }),
    ).then(async (typed) => ({ typed, serverCpuAfter: await server.cpuSeconds() }))
    const [{ typed, serverCpuAfter }] = await Promise.all([typing, options.companion?.whileTyping()])
    const typingSeconds = Math.max(...typed.map((report) => report.seconds))
    const serverLoad = (serverCpuAfter - serverCpu) / typingSeconds
    const logs = typed.flatMap((report) => report.authors)
    const finals: Array<[number, number]> = logs.map((log) => [log.clientId, log.clocks.at(-1) ?? 0])
    const deadline = machineNow() + (scenario.catchUpSeconds ?? CATCH_UP_SECONDS) * 1000
    const arrived = await Promise.all(processes.map((child) => child.request({ type: 'await', finals, deadline }, 'arrived')))
    const serverSeconds = (await server.cpuSeconds()) - serverCpu
    const nodes = collabUrlsOf(server).length
    const timing = timeEdits(logs, arrived.flatMap((report) => report.probes), start + scenario.warmUpSeconds * 1000, (log, probe) =>
      nodeOfAuthor(log.paragraph - document.firstParagraph, nodes) !== probe % nodes,
    )
    const paragraphs = await readParagraphs(server, document, scenario.authors)
    const edits = logs.reduce((sum, log) => sum + log.clocks.length, 0)
    return {
      ...timing,
      lost: logs.reduce((sum, log) => sum + missing(log, paragraphs[log.paragraph - document.firstParagraph] ?? ''), 0),
      edits,
      serverMicrosPerEdit: (serverSeconds * 1e6) / edits,
      serverLoad,
      busiestClientLoad: Math.max(...typed.map((report) => report.cpuSeconds)) / typingSeconds,
      readerBytesPerSecond: arrived.reduce((sum, report) => sum + report.readerBytes, 0) / Math.max(1, scenario.readers) / typingSeconds,
      closed: arrived.reduce((sum, report) => sum + report.closed, 0),
    }
  } finally {
    await Promise.all(processes.map((child) => child.stop()))
  }
}

function planProcesses(
  server: ServerProcess,
  scenario: Scenario,
  documentId: string,
  base: Uint8Array,
  firstParagraph: number,
  cookies: readonly (string | undefined)[],
): ClientPlan[] {
  const count = scenario.processes
  const share = (total: number, index: number) => Math.floor(total / count) + (index < total % count ? 1 : 0)
  const urls = collabUrlsOf(server)
  const common = { collabUrls: urls, documentId, base, editsPerSecond: scenario.editsPerSecond, edits: Math.round((scenario.warmUpSeconds + scenario.seconds) * scenario.editsPerSecond), carets: scenario.carets }
  let readersBefore = 0
  const crowd = Array.from({ length: count }, (_, index) => {
    const readers = share(scenario.readers, index)
    // Readers, like authors, in turn over the servers.
    const readerNodes = Array.from({ length: readers }, (_, reader) => (readersBefore + reader) % urls.length)
    readersBefore += readers
    return {
      ...common,
      authors: Array.from({ length: scenario.authors }, (_, author) => author)
        .filter((author) => author % count === index)
        .map((author) => ({
          paragraph: firstParagraph + author,
          // Each author from its own place, so that no two type the same letters in step.
          text: rotate(scenario.text, (author * 997) % scenario.text.length),
          cookie: cookies[author],
          node: nodeOfAuthor(author, urls.length),
        })),
      readerNodes,
      probeNodes: [],
    }
  })
  // The probes have a process to themselves: an arrival is timed when it arrives, not when a busy event loop gets to it.
  const probeNodes = Array.from({ length: scenario.probes }, (_, probe) => probe % urls.length)
  return [...crowd, { ...common, authors: [], readerNodes: [], probeNodes }]
}

/** Every server of a crowd: several when the server under test is a cluster (bench/scale-out.ts). */
const collabUrlsOf = (server: ServerProcess) => server.collabUrls ?? [server.collabUrl]
const nodeOfAuthor = (author: number, nodes: number) => author % nodes

const rotate = (text: string, from: number) => text.slice(from) + text.slice(0, from)

/** Characters of what the author typed that their paragraph does not hold. */
function missing(log: AuthorLog, paragraph: string): number {
  if (paragraph === log.typed) return 0
  let same = 0
  while (same < paragraph.length && paragraph[same] === log.typed[same]) same++
  return log.typed.length - same
}

/**
 * Matches each keystroke to its first arrival at each probe; those sent before `timedFrom` must
 * arrive but are not timed. `acrossNodes` says whether an author and a probe use different servers.
 */
function timeEdits(
  logs: readonly AuthorLog[],
  probes: readonly Arrivals[],
  timedFrom: number,
  acrossNodes: (log: AuthorLog, probe: number) => boolean,
): { latencies: number[]; crossNodeLatencies: number[]; timed: number; unarrived: number } {
  const latencies: number[] = []
  const crossNodeLatencies: number[] = []
  let unarrived = 0
  const timed = logs.reduce((sum, log) => sum + log.sentAt.filter((sent) => sent >= timedFrom).length, 0)
  for (const [index, probe] of probes.entries()) {
    for (const log of logs) {
      const across = acrossNodes(log, index)
      const arrivals = probe[log.clientId] ?? { clocks: [], at: [] }
      let next = 0
      for (let edit = 0; edit < log.clocks.length; edit++) {
        while (next < arrivals.clocks.length && arrivals.clocks[next]! < log.clocks[edit]!) next++
        if (next === arrivals.clocks.length) {
          unarrived += log.clocks.length - edit
          break
        }
        if (log.sentAt[edit]! < timedFrom) continue
        const latency = arrivals.at[next]! - log.sentAt[edit]!
        latencies.push(latency)
        if (across) crossNodeLatencies.push(latency)
      }
    }
  }
  return { latencies, crossNodeLatencies, timed, unarrived }
}

/** A client process, asked one thing at a time. */
class ClientProcess {
  private readonly child: ChildProcess
  private readonly exited: Promise<void>

  constructor() {
    this.child = fork(clientEntry, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()))
  }

  request<Type extends FromClients['type']>(message: ToClients, answer: Type): Promise<Extract<FromClients, { type: Type }>> {
    return new Promise((resolve, reject) => {
      const exited = () => reject(new Error('a client process exited'))
      const listen = (reply: FromClients) => {
        this.child.off('message', listen)
        this.child.off('exit', exited)
        if (reply.type === answer) resolve(reply as Extract<FromClients, { type: Type }>)
        else reject(new Error(reply.type === 'failed' ? reply.message : `expected ${answer}, got ${reply.type}`))
      }
      this.child.on('message', listen)
      this.child.once('exit', exited)
      this.child.send(message)
    })
  }

  async stop(): Promise<void> {
    if (this.child.connected) this.child.send({ type: 'stop' } satisfies ToClients)
    const timeout = setTimeout(() => this.child.kill(), 5_000)
    await this.exited
    clearTimeout(timeout)
  }
}
