import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DocumentRecords } from '../../server/storage/document-records'
import { checkedWith, type RecordKind } from '../../server/storage/record-kind'
import { makeDataDir } from '../support/server'

const notes: RecordKind<{ notes: string[] }> = {
  name: 'notes',
  empty: () => ({ notes: [] }),
  parse: checkedWith('notes', z.object({ notes: z.array(z.string()) })),
}

const stored = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as unknown

describe('the record files of one kind', () => {
  // Regression: every record file ever opened stayed in memory until the server stopped.
  it('lets go of a file that nobody uses once more files are open than it keeps, and reads it afresh', async () => {
    const directory = await makeDataDir()
    const records = new DocumentRecords(directory, notes, 1)
    await records.update('first', (record) => record.notes.push('one'))
    await records.update('second', (record) => record.notes.push('two'))
    await writeFile(path.join(directory, 'first.json'), JSON.stringify({ notes: ['changed on disk'] }))
    await writeFile(path.join(directory, 'second.json'), JSON.stringify({ notes: ['changed on disk'] }))
    // The file used last is kept open, so its record in memory is what counts; the other was let go of.
    expect(await records.read('second')).toEqual({ notes: ['two'] })
    expect(await records.read('first')).toEqual({ notes: ['changed on disk'] })
  })

  it('applies every change made at the same time to records whose files are being let go of', async () => {
    const directory = await makeDataDir()
    const records = new DocumentRecords(directory, notes, 1)
    const ids = ['first', 'second', 'third']
    const changes = Array.from({ length: 30 }, (_, index) => ({ id: ids[index % ids.length]!, note: `note ${index}` }))
    await Promise.all(changes.map(({ id, note }) => records.update(id, (record) => record.notes.push(note))))
    for (const id of ids) {
      const expected = { notes: changes.filter((change) => change.id === id).map((change) => change.note) }
      expect(await stored(path.join(directory, `${id}.json`))).toEqual(expected)
      expect(await new DocumentRecords(directory, notes).read(id)).toEqual(expected)
    }
  })

  it('opens a file afresh after it failed to open', async () => {
    const directory = await makeDataDir()
    const records = new DocumentRecords(directory, notes)
    await writeFile(path.join(directory, 'plan.json'), '{ torn')
    await expect(records.read('plan')).rejects.toThrow(SyntaxError)
    await writeFile(path.join(directory, 'plan.json'), JSON.stringify({ notes: ['repaired'] }))
    expect(await records.read('plan')).toEqual({ notes: ['repaired'] })
  })
})
