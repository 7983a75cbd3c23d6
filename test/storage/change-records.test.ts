import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { decodeChange, decodeSnapshot, encodeChange, encodeSnapshot, UnreadableRecordError } from '../../server/storage/change-records'
import { LogAuthors } from '../../server/storage/log-authors'
import { signUp } from '../support/accounts'
import { appendParagraph, connectClient } from '../support/clients'
import { startServer } from '../support/server'

const ADA = '6f1c2a7e-5b8d-4f0e-9a3c-2d4b6e8f0a1c'
const update = new Uint8Array([0, 0])
const change = (time: number) => ({ update, author: ADA, time })
const holdsId = (record: Uint8Array) => Buffer.from(record).includes(ADA)

describe('change records', () => {
  it('name an author in full until a record naming them is on disk, then by number', () => {
    const writer = new LogAuthors()
    const first = encodeChange(change(1), writer)
    const second = encodeChange(change(2), writer)
    expect([holdsId(first.record), holdsId(second.record)]).toEqual([true, true])
    writer.confirm(first.naming!)
    const third = encodeChange(change(3), writer)
    expect(holdsId(third.record)).toBe(false)
    expect(third.naming).toBeNull()
    const reader = new LogAuthors()
    expect([first, second, third].map(({ record }) => decodeChange(record, reader))).toEqual([change(1), change(2), change(3)])
  })

  it('carry author numbers across a snapshot, for the log appended after it', () => {
    const writer = new LogAuthors()
    writer.confirm(encodeChange(change(1), writer).naming!)
    const snapshot = encodeSnapshot({ state: update, attribution: update }, writer)
    const after = encodeChange(change(2), writer)
    const { authors } = decodeSnapshot(snapshot)
    expect(decodeChange(after.record, authors)).toEqual(change(2))
  })

  it('refuse a change whose author number was never named', () => {
    const writer = new LogAuthors()
    writer.confirm(encodeChange(change(1), writer).naming!)
    const orphan = encodeChange(change(2), writer).record
    expect(() => decodeChange(orphan, new LogAuthors())).toThrow(UnreadableRecordError)
  })

  it('still read changes and snapshots written before authors were numbered', () => {
    const legacyChange = encoding.createEncoder()
    encoding.writeUint8(legacyChange, 1)
    encoding.writeVarUint(legacyChange, 7)
    encoding.writeUint8(legacyChange, 1)
    encoding.writeVarString(legacyChange, ADA)
    encoding.writeVarUint8Array(legacyChange, update)
    const legacySnapshot = encoding.createEncoder()
    encoding.writeUint8(legacySnapshot, 2)
    encoding.writeVarUint8Array(legacySnapshot, update)
    encoding.writeVarUint8Array(legacySnapshot, update)
    const { authors, state } = decodeSnapshot(encoding.toUint8Array(legacySnapshot))
    expect(state).toEqual(update)
    expect(decodeChange(encoding.toUint8Array(legacyChange), authors)).toEqual(change(7))
  })

  it('name a person once in a log that holds many of their changes', async () => {
    const server = await startServer()
    const ada = await signUp(server, 'ada')
    const client = connectClient(server, MANIFESTO_ID, { cookie: ada.cookie })
    await client.synced()
    for (let i = 0; i < 20; i++) {
      appendParagraph(client.doc, `Line ${i}`)
      await client.allSaved()
    }
    const directory = path.join(server.dataDir, 'documents', MANIFESTO_ID)
    const logs = (await readdir(directory)).filter((name) => name.startsWith('log-'))
    const bytes = Buffer.concat(await Promise.all(logs.map((name) => readFile(path.join(directory, name)))))
    let mentions = 0
    for (let at = bytes.indexOf(ada.user.id); at !== -1; at = bytes.indexOf(ada.user.id, at + 1)) mentions++
    expect(mentions).toBe(1)
  })
})
