/**
 * What every Store adapter does (server/storage/store.ts), as one suite. An adapter joins with
 * a test file of one line: `describeStoreContract('the X store', xStorage)`, where `xStorage`
 * makes fresh, empty storage that stores can be opened over, one at a time.
 */
import { describe, expect, it, onTestFinished } from 'vitest'
import { z } from 'zod'
import { decodeChange, type StoredChange } from '../../server/storage/change-records'
import { LogAlreadyOpenError, LogClosedError } from '../../server/storage/document-log'
import { LogAuthors } from '../../server/storage/log-authors'
import { checkedWith, InvalidRecordKindError, type RecordKind } from '../../server/storage/record-kind'
import {
  DocumentExistsError,
  DocumentNotFoundError,
  InvalidDocumentIdError,
  type DocumentAccess,
  type Store,
} from '../../server/storage/store'

export interface StorageUnderTest {
  /** Opens a store over this storage; the store opened before is closed first. */
  open(): Promise<Store>
  /** Removes the storage (a temporary directory, a database) once the test is over. */
  remove(): Promise<void>
}

export type MakeStorage = (options: { now: () => Date }) => Promise<StorageUnderTest>

interface Notes {
  notes: string[]
}

const notes: RecordKind<Notes> = {
  name: 'notes',
  empty: () => ({ notes: [] }),
  parse: checkedWith('notes', z.object({ notes: z.array(z.string()) })),
}

const tallies: RecordKind<{ count: number }> = {
  name: 'tallies',
  empty: () => ({ count: 0 }),
  parse: checkedWith('tallies', z.object({ count: z.number() })),
}

const access: DocumentAccess = { visibility: 'public', openToContributions: true, members: { ada: 'maintainer' }, blocked: [] }
const firstChange: StoredChange = { update: new Uint8Array([1, 2, 3]), author: 'ada', time: 1_000 }
const bytes = (...values: number[]) => new Uint8Array(values)
const START = Date.parse('2026-03-01T09:00:00.000Z')
const NOT_IDS = ['../outside', 'Capital', '', 'a/b', '-leading-hyphen']

async function readContent(store: Store, id: string) {
  const { log, snapshot, records } = await store.openDocument(id)
  await log.close()
  return { snapshot, records }
}

export function describeStoreContract(name: string, makeStorage: MakeStorage): void {
  /** A store over fresh storage, with a clock the test moves, and a restart. */
  async function start() {
    let time = START
    const storage = await makeStorage({ now: () => new Date(time) })
    let store = await storage.open()
    onTestFinished(async () => {
      await store.close()
      await storage.remove()
    })
    return {
      store: () => store,
      advance: (ms: number) => (time += ms),
      restart: async () => {
        await store.close()
        store = await storage.open()
        return store
      },
    }
  }

  const create = (store: Store, id = 'plan', title = 'The plan') => store.createDocument({ id, title, access }, firstChange)

  describe(`${name}: documents`, () => {
    it('creates a document whose metadata it lists and gets back', async () => {
      const store = (await start()).store()
      const created = await create(store)
      const at = new Date(START).toISOString()
      expect(created).toEqual({ id: 'plan', title: 'The plan', access, createdAt: at, updatedAt: at })
      expect(await store.getDocument('plan')).toEqual(created)
      expect(await store.listDocuments()).toEqual([created])
    })

    it('starts a new document with its first change as its only content', async () => {
      const store = (await start()).store()
      await create(store)
      const { snapshot, records } = await readContent(store, 'plan')
      expect(snapshot).toBeNull()
      expect(records.map((record) => decodeChange(record, new LogAuthors()))).toEqual([firstChange])
    })

    it('refuses to create a document under an id that is taken, and keeps the first', async () => {
      const store = (await start()).store()
      const first = await create(store)
      await expect(create(store, 'plan', 'Another plan')).rejects.toThrow(DocumentExistsError)
      expect(await store.getDocument('plan')).toEqual(first)
      expect((await readContent(store, 'plan')).records).toHaveLength(1)
    })

    it('discards content left under an id without metadata when a document is created there', async () => {
      const store = (await start()).store()
      const orphan = await store.openDocument('plan')
      await orphan.log.append(bytes(9, 9))
      await orphan.log.compact(() => bytes(8))
      await orphan.log.close()
      await create(store)
      expect(await readContent(store, 'plan')).toEqual({ snapshot: null, records: [expect.any(Uint8Array)] })
    })

    it('changes a document on a copy that keeps its id, and leaves it as it was when the change throws', async () => {
      const store = (await start()).store()
      await create(store)
      const renamed = await store.updateDocument('plan', (document) => {
        document.title = 'The better plan'
        document.access.visibility = 'members'
        document.id = 'elsewhere'
      })
      expect(renamed).toMatchObject({ id: 'plan', title: 'The better plan', access: { visibility: 'members' } })
      const failing = store.updateDocument('plan', (document) => {
        document.title = 'Half changed'
        throw new Error('the change failed')
      })
      await expect(failing).rejects.toThrow('the change failed')
      expect(await store.getDocument('plan')).toEqual(renamed)
      expect(await store.getDocument('elsewhere')).toBeUndefined()
    })

    it('refuses to change a document that does not exist, even one named like an object member', async () => {
      const store = (await start()).store()
      await expect(store.updateDocument('missing', () => {})).rejects.toThrow(DocumentNotFoundError)
      await expect(store.updateDocument('constructor', () => {})).rejects.toThrow(DocumentNotFoundError)
      expect(await store.getDocument('__proto__')).toBeUndefined()
      expect(await store.getDocument('toString')).toBeUndefined()
    })

    it('notes when a document was last touched, and ignores touches of unknown ids', async () => {
      const started = await start()
      const store = started.store()
      const created = await create(store)
      started.advance(5_000)
      store.touchDocument('plan')
      store.touchDocument('missing')
      expect(await store.getDocument('plan')).toEqual({ ...created, updatedAt: new Date(START + 5_000).toISOString() })
      expect(await store.getDocument('missing')).toBeUndefined()
    })

    it('hands out copies of metadata, so changing them changes nothing stored', async () => {
      const store = (await start()).store()
      const created = await create(store)
      const expected = structuredClone(created)
      created.title = 'changed'
      ;(await store.getDocument('plan'))!.access.members.eve = 'maintainer'
      ;(await store.listDocuments())[0]!.title = 'changed'
      expect(await store.getDocument('plan')).toEqual(expected)
    })
  })

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

  describe(`${name}: records`, () => {
    it('reads the empty record of a kind for a document that has none', async () => {
      const store = (await start()).store()
      expect(await store.records(notes).read('plan')).toEqual({ notes: [] })
    })

    it('keeps the records of two kinds, and of two documents, apart', async () => {
      const store = (await start()).store()
      await store.records(notes).update('plan', (record) => record.notes.push('first'))
      await store.records(tallies).update('plan', (record) => (record.count = 3))
      await store.records(notes).update('other', (record) => record.notes.push('elsewhere'))
      expect(await store.records(notes).read('plan')).toEqual({ notes: ['first'] })
      expect(await store.records(tallies).read('plan')).toEqual({ count: 3 })
      expect(await store.records(notes).read('other')).toEqual({ notes: ['elsewhere'] })
      expect(await store.records(tallies).read('other')).toEqual({ count: 0 })
    })

    it('leaves a record as it was when a change to it throws', async () => {
      const store = (await start()).store()
      await store.records(notes).update('plan', (record) => record.notes.push('kept'))
      const failing = store.records(notes).update('plan', (record) => {
        record.notes.push('half made')
        throw new Error('the change failed')
      })
      await expect(failing).rejects.toThrow('the change failed')
      expect(await store.records(notes).read('plan')).toEqual({ notes: ['kept'] })
    })

    it('applies every one of many changes made to one record at the same time, in order', async () => {
      const store = (await start()).store()
      const written = Array.from({ length: 40 }, (_, index) => `note ${index}`)
      await Promise.all(written.map((note) => store.records(notes).update('plan', (record) => record.notes.push(note))))
      expect(await store.records(notes).read('plan')).toEqual({ notes: written })
    })

    it('hands out copies of records, so changing them changes nothing stored', async () => {
      const store = (await start()).store()
      const updated = await store.records(notes).update('plan', (record) => record.notes.push('kept'))
      updated.notes.push('not stored')
      ;(await store.records(notes).read('plan')).notes.push('not stored either')
      expect(await store.records(notes).read('plan')).toEqual({ notes: ['kept'] })
    })

    it('refuses kinds whose names could reach outside their place, or that another kind has', async () => {
      const store = (await start()).store()
      for (const name of ['../outside', 'Notes', '', 'documents', 'metadata']) {
        expect(() => store.records({ ...notes, name })).toThrow(InvalidRecordKindError)
      }
      expect(store.records(notes)).toBe(store.records(notes))
      expect(() => store.records({ ...tallies, name: 'notes' })).toThrow(InvalidRecordKindError)
    })
  })

  describe(`${name}: ids and restarts`, () => {
    it('refuses ids that are not document ids wherever it takes one', async () => {
      const store = (await start()).store()
      for (const id of NOT_IDS) {
        await expect(store.createDocument({ id, title: 'Bad', access }, firstChange)).rejects.toThrow(InvalidDocumentIdError)
        await expect(store.openDocument(id)).rejects.toThrow(InvalidDocumentIdError)
        await expect(store.records(notes).read(id)).rejects.toThrow(InvalidDocumentIdError)
        await expect(store.records(notes).update(id, () => {})).rejects.toThrow(InvalidDocumentIdError)
      }
      expect(await store.listDocuments()).toEqual([])
    })

    it('keeps metadata, content and records when closed and opened again', async () => {
      const started = await start()
      let store = started.store()
      await create(store)
      await store.updateDocument('plan', (document) => (document.title = 'Renamed'))
      started.advance(1_000)
      store.touchDocument('plan')
      const { log } = await store.openDocument('plan')
      await log.compact(() => bytes(5, 5))
      await log.append(bytes(6))
      await log.close()
      await store.records(notes).update('plan', (record) => record.notes.push('kept'))
      const before = await store.getDocument('plan')

      store = await started.restart()
      expect(before?.updatedAt).toBe(new Date(START + 1_000).toISOString())
      expect(await store.getDocument('plan')).toEqual(before)
      expect(await store.listDocuments()).toEqual([before])
      expect(await readContent(store, 'plan')).toEqual({ snapshot: bytes(5, 5), records: [bytes(6)] })
      expect(await store.records(notes).read('plan')).toEqual({ notes: ['kept'] })
      expect(await store.records(tallies).read('plan')).toEqual({ count: 0 })
    })
  })
}
