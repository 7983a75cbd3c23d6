import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { historyRecords } from '../../server/history/version-model'
import { FileStore } from '../../server/storage/file-store'
import { InvalidStoredRecordError } from '../../server/storage/record-kind'
import { reviewRecords } from '../../server/suggestions/review-model'
import { makeDataDir } from '../support/server'
import { describeStoreContract, type MakeStorage } from './store-contract'

/** A temporary data directory; each store opened over it is a server restarting on it. */
const fileStorage: MakeStorage = async ({ now }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'coffeehouse-store-'))
  return {
    open: () =>
      FileStore.open({
        dataDir,
        now,
        warn: (warning) => {
          throw new Error(warning.message)
        },
        onBackgroundError: (error) => {
          throw error
        },
      }),
    remove: () => rm(dataDir, { recursive: true, force: true }),
  }
}

describeStoreContract('the file store', fileStorage)

describe('the file store', () => {
  it('reads the history and review records where earlier releases kept them', async () => {
    const dataDir = await makeDataDir()
    const history = { versions: [{ id: 'v1', number: 1, snapshot: 'AAA=', kind: 'edits' }], visits: { ada: { at: 1, base: null, snapshot: 'AAA=' } } }
    const review = { version: 1, suggestions: { s1: { replies: [] } }, decisions: [{ id: 'd1', suggestion: 's1', action: 'accepted', by: 'ada', at: 2, reason: null }] }
    await writeRecordFile(path.join(dataDir, 'history', 'plan.json'), history)
    await writeRecordFile(path.join(dataDir, 'reviews', 'plan.json'), review)
    const store = await openFileStore(dataDir)
    expect(await store.records(historyRecords).read('plan')).toEqual(history)
    expect(await store.records(reviewRecords).read('plan')).toEqual(review)
  })

  it('refuses a record file that its kind cannot read, and reads it once it is repaired', async () => {
    const dataDir = await makeDataDir()
    const file = path.join(dataDir, 'reviews', 'plan.json')
    await writeRecordFile(file, { version: 1, suggestions: [], decisions: [] })
    const store = await openFileStore(dataDir)
    await expect(store.records(reviewRecords).read('plan')).rejects.toThrow(InvalidStoredRecordError)
    await writeRecordFile(file, reviewRecords.empty())
    expect(await store.records(reviewRecords).read('plan')).toEqual(reviewRecords.empty())
  })
})

async function writeRecordFile(file: string, record: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, JSON.stringify(record))
}

async function openFileStore(dataDir: string): Promise<FileStore> {
  const store = await FileStore.open({ dataDir, warn: () => {}, onBackgroundError: () => {} })
  onTestFinished(() => store.close())
  return store
}
