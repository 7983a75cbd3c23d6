/**
 * Writes that survive power loss: data is fsynced before it is relied on, and a
 * directory is fsynced after a file in it is created, renamed or removed, because
 * the directory entry is what makes the file findable after a crash.
 */
import { open, rename, rm } from 'node:fs/promises'
import path from 'node:path'

export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Replaces a file atomically: readers see either the old or the new content, never a mix. */
export async function writeFileAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  const handle = await open(temporary, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temporary, file)
  await syncDirectory(path.dirname(file))
}

export async function removeFilesDurably(directory: string, names: string[]): Promise<void> {
  if (names.length === 0) return
  await Promise.all(names.map((name) => rm(path.join(directory, name), { force: true })))
  await syncDirectory(directory)
}

/** Cuts a file to `length` bytes and makes the cut durable. */
export async function truncateDurably(file: string, length: number): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    await handle.truncate(length)
    await handle.sync()
  } finally {
    await handle.close()
  }
}
