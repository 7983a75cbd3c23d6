/**
 * One server process owns a data directory. Two processes appending to the same
 * update logs would interleave records and corrupt them, so a second server is
 * refused with a clear message. A lock left behind by a crashed process (its pid
 * is gone) is taken over, so a restart after `kill -9` just works.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { syncDirectory } from './durable-files'

const LOCK_FILE = 'coffeehouse.lock'

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

export interface DataDirLock {
  release(): Promise<void>
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true })
  const file = path.join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx')
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, since: new Date().toISOString() }))
        await handle.sync()
      } finally {
        await handle.close()
      }
      await syncDirectory(dataDir)
      return { release: () => rm(file, { force: true }) }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = await readHolder(file)
      if (holder !== null && isAlive(holder)) {
        throw new DataDirLockedError(
          `Another Coffeehouse server (pid ${holder}) is using the data directory ${dataDir}. ` +
            'Stop it first, or point DATA_DIR at another directory.',
        )
      }
      await rm(file, { force: true })
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dataDir}: another process keeps taking it.`)
}

async function readHolder(file: string): Promise<number | null> {
  try {
    const { pid } = JSON.parse(await readFile(file, 'utf8')) as { pid?: unknown }
    return typeof pid === 'number' ? pid : null
  } catch {
    // A lock file torn by a crash during its own creation names nobody.
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
