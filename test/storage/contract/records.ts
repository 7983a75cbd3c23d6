/** The store contract for records of the kinds capabilities declare. */
import { describe, expect, it } from 'vitest'
import { InvalidRecordKindError } from '../../../server/storage/record-kind'
import { notes, tallies, type StartStore } from './fixture'

export function recordsContract(name: string, start: StartStore): void {
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
}
