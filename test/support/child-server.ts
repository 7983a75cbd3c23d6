/** The real server as a child process (`node --import tsx server/main.ts`), for crash tests. */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** pino's level for warn; error and fatal are above it. */
const WARN_LEVEL = 40

export interface LogEntry {
  level: number
  msg?: string
  [field: string]: unknown
}

export interface ChildServer {
  process: ChildProcess
  collabUrl: string
  url: string
  /** Log entries at warn level or above, as they arrive: a clean start after a crash has none. */
  warnings: LogEntry[]
  /** Resolves once the process has exited. */
  exited: Promise<void>
}

export interface ChildServerOptions {
  /** 0 (the default) lets the system choose; a fixed port lets clients reconnect after a restart. */
  port?: number
  /** Extra environment, as server/config.ts reads it. */
  environment?: Record<string, string>
}

export async function startChildServer(dataDir: string, options: ChildServerOptions = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repositoryRoot,
    // On files unless a test says otherwise: CI's DATABASE_URL is there for the tests that ask for it.
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', ...options.environment, PORT: String(options.port ?? 0), DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  })
  const warnings: LogEntry[] = []
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as LogEntry & { port?: number }
      if (entry.level >= WARN_LEVEL) warnings.push(entry)
      if (entry.port !== undefined) resolve(entry.port)
    })
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before listening`)))
  })
  return { process: child, url: `http://127.0.0.1:${port}`, collabUrl: `ws://127.0.0.1:${port}/collab`, warnings, exited }
}
