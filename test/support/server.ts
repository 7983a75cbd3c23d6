/** A real Coffeehouse server on port 0 with its own data directory, torn down after the test. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DestinationStream } from 'pino'
import { onTestFinished } from 'vitest'
import { createCoffeehouse, type Coffeehouse } from '../../server/app'
import { readConfig, type Config } from '../../server/config'
import { createLogger } from '../../server/logger'

export interface TestServer {
  app: Coffeehouse
  config: Config
  url: string
  collabUrl: string
  dataDir: string
  /** Stops the server (storing every document) but keeps its data directory. */
  stop(): Promise<void>
}

/** The limits a server has without any configuration. */
export function defaultLimits(): Config['limits'] {
  return readConfig({}).limits
}

/** A new data directory, removed after the test; in `parent` if given (the system's temporary folder otherwise). */
export async function makeDataDir(parent = tmpdir()): Promise<string> {
  const dataDir = await mkdtemp(path.join(parent, 'coffeehouse-test-'))
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }))
  return dataDir
}

export interface StartOptions extends Partial<Config> {
  /** Where log lines go (with logLevel), to check what the server logs. */
  logDestination?: DestinationStream
}

export async function startServer({ logDestination, ...overrides }: StartOptions = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? (await makeDataDir())
  const config: Config = {
    // EDITOR_DIR lets parallel runs each serve their own build of the editor.
    ...readConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', EDITOR_DIR: process.env.EDITOR_DIR }),
    ...overrides,
  }
  const app = await createCoffeehouse(config, createLogger(config, logDestination))
  const { port } = await app.listen()
  let stopped: Promise<void> | null = null
  const stop = () => (stopped ??= app.close())
  onTestFinished(stop)
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    dataDir,
    stop,
  }
}
