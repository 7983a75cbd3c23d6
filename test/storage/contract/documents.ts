/** The store contract for metadata: create, list, get, update, touch. */
import { describe, expect, it } from 'vitest'
import { decodeChange } from '../../../server/storage/change-records'
import { LogAuthors } from '../../../server/storage/log-authors'
import { DocumentExistsError, DocumentNotFoundError } from '../../../server/storage/store'
import { access, bytes, create, firstChange, readContent, START, type StartStore } from './fixture'

export function documentsContract(name: string, start: StartStore): void {
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
}
