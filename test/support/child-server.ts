/** The real server as a child process (`node --import tsx server/main.ts`), for crash tests. */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface ChildServer {
  process: ChildProcess
  collabUrl: string
  url: string
  /** Resolves once the process has exited. */
  exited: Promise<void>
}

export async function startChildServer(dataDir: string): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repositoryRoot,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  onTestFinished(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  })
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { port?: number }
      if (entry.port !== undefined) resolve(entry.port)
    })
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before listening`)))
  })
  return { process: child, url: `http://127.0.0.1:${port}`, collabUrl: `ws://127.0.0.1:${port}/collab`, exited }
}
