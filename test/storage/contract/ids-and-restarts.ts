/** The store contract for what crosses every part: ids that are not document ids, and restarts. */
import { describe, expect, it } from 'vitest'
import { InvalidDocumentIdError } from '../../../server/storage/store'
import { access, bytes, create, firstChange, notes, readContent, START, tallies, type StartStore } from './fixture'

const NOT_IDS = ['../outside', 'Capital', '', 'a/b', '-leading-hyphen']

export function idsAndRestartsContract(name: string, start: StartStore): void {
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
