/** The store contract for content: appending, reading back in order, compaction into snapshots, one opener. */
import { describe, expect, it } from 'vitest'
import { LogAlreadyOpenError, LogClosedError } from '../../../server/storage/document-log'
import { bytes, readContent, type StartStore } from './fixture'

export function contentContract(name: string, start: StartStore): void {
  describe(`${name}: content`, () => {
    it('opens empty content for an id that has none', async () => {
      const store = (await start()).store()
      const { log, snapshot, records } = await store.openDocument('fresh')
      expect({ snapshot, records, logBytes: log.logBytes }).toEqual({ snapshot: null, records: [], logBytes: 0 })
      await log.close()
    })

    it('reads appended records back in the order they were appended', async () => {
      const store = (await start()).store()
      const { log } = await store.openDocument('fresh')
      await Promise.all([log.append(bytes(1)), log.append(bytes(2, 2)), log.append(bytes(3, 3, 3))])
      await log.close()
      expect(await readContent(store, 'fresh')).toEqual({ snapshot: null, records: [bytes(1), bytes(2, 2), bytes(3, 3, 3)] })
    })

    it('counts the bytes appended since the last snapshot, and none right after a compaction', async () => {
      const store = (await start()).store()
      const { log } = await store.openDocument('fresh')
      await log.append(bytes(1, 1))
      const afterOne = log.logBytes
      await log.append(bytes(2, 2))
      expect(afterOne).toBeGreaterThanOrEqual(2)
      expect(log.logBytes).toBeGreaterThanOrEqual(afterOne + 2)
      await log.compact(() => bytes(7))
      expect(log.logBytes).toBe(0)
      await log.close()
    })

    it('folds every record appended before a compaction into its snapshot, and keeps those after it', async () => {
      const store = (await start()).store()
      const { log } = await store.openDocument('fresh')
      await log.append(bytes(1))
      const landing = log.append(bytes(2))
      await log.compact(() => bytes(7, 7))
      await landing
      await log.append(bytes(3))
      await log.compact(() => bytes(8, 8))
      await log.append(bytes(4))
      await log.close()
      expect(await readContent(store, 'fresh')).toEqual({ snapshot: bytes(8, 8), records: [bytes(4)] })
    })

    it('lets one opener at a time have a document\'s content', async () => {
      const store = (await start()).store()
      const first = await store.openDocument('fresh')
      await expect(store.openDocument('fresh')).rejects.toThrow(LogAlreadyOpenError)
      await first.log.close()
      const second = await store.openDocument('fresh')
      await second.log.close()
    })

    it('refuses appends and compactions once a log is closed', async () => {
      const store = (await start()).store()
      const { log } = await store.openDocument('fresh')
      await log.append(bytes(1))
      await log.close()
      await expect(log.append(bytes(2))).rejects.toThrow(LogClosedError)
      await expect(log.compact(() => bytes(7))).rejects.toThrow(LogClosedError)
      expect(await readContent(store, 'fresh')).toEqual({ snapshot: null, records: [bytes(1)] })
    })
  })
}
