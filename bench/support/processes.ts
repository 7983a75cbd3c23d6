/**
 * Servers under test run in their own process, so that the benchmark's clients (in this
 * process) never share an event loop with them: the real server (`server/main.ts`) or the
 * plain relay (`bench/relay/main.ts`). Both run with the Node flags `npm start` gives the server
 * (server/node-flags.ts), so the baseline has the same runtime as what it is compared with.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { SERVER_NODE_FLAGS } from '../../server/node-flags'
import type { ProbeRequest, ProbeResponse } from './probe-messages'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface ServerProcess {
  readonly kind: 'coffeehouse' | 'relay'
  readonly url: string
  readonly collabUrl: string
  /** Every server's websocket address, when this stands for several (bench/scale-out.ts). */
  readonly collabUrls?: string[]
  readonly process: ChildProcess
  /** CPU time the process has used so far, in seconds (Linux: from /proc). */
  cpuSeconds(): Promise<number>
  /** Asks the probe inside the process (probe.ts) what it has used. */
  probe(kind?: ProbeRequest['kind'], options?: { collectGarbage?: boolean }): Promise<ProbeResponse>
  stop(): Promise<void>
}

/** Coffeehouse with a fresh data directory and limits lifted: benchmarks send far faster than people type. */
export async function startCoffeehouse(environment: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'coffeehouse-bench-'))
  const server = await startProcess('coffeehouse', 'server/main.ts', {
    DATA_DIR: dataDir,
    // The port is announced at info level.
    LOG_LEVEL: 'info',
    MESSAGES_PER_SECOND: '1000000000',
    MESSAGE_BURST: '1000000000',
    WS_CONNECTIONS_PER_MINUTE: '1000000000',
    AUTH_ATTEMPTS_PER_15_MINUTES: '1000000000',
    ...environment,
  })
  return { ...server, stop: () => server.stop().then(() => rm(dataDir, { recursive: true, force: true })) }
}

export function startRelay(): Promise<ServerProcess> {
  return startProcess('relay', 'bench/relay/main.ts', {})
}

async function startProcess(kind: ServerProcess['kind'], entry: string, environment: Record<string, string>): Promise<ServerProcess> {
  // BENCH_PROFILE=DIR writes a CPU profile of every server under test into DIR when it stops.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []
  const child = spawn(process.execPath, ['--expose-gc', ...SERVER_NODE_FLAGS, ...profile, '--import', 'tsx', '--import', './bench/support/probe.ts', entry], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', PORT: '0', ...environment },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  const probes = new Map<number, (response: ProbeResponse) => void>()
  let probeCount = 0
  child.on('message', (response: ProbeResponse) => {
    probes.get(response.id)?.(response)
    probes.delete(response.id)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: number }
        if (entry.port !== undefined) resolve(entry.port)
      } catch {
        // Not a log line of ours; ignore it.
      }
    })
    child.once('exit', (code) => reject(new Error(`${kind} exited with code ${code} before listening`)))
  })
  const prefix = kind === 'coffeehouse' ? '/collab' : ''
  return {
    kind,
    url: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}${prefix}`,
    process: child,
    cpuSeconds: async () => {
      // Fields 14 and 15 of /proc/<pid>/stat: user and system time, in clock ticks (100 a second on Linux).
      const fields = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).split(') ')[1]!.split(' ')
      return (Number(fields[11]) + Number(fields[12])) / 100
    },
    probe: (kind = 'sample', options = {}) =>
      new Promise((resolve, reject) => {
        const id = ++probeCount
        probes.set(id, resolve)
        const request: ProbeRequest = { id, kind, collectGarbage: options.collectGarbage }
        child.send(request, (error) => {
          if (error) reject(error)
        })
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
