/**
 * What the store contract's tests share (store-contract.ts): a store over fresh storage with a
 * clock the test moves, two kinds of records, and a document to create.
 */
import { onTestFinished } from 'vitest'
import { z } from 'zod'
import type { StoredChange } from '../../../server/storage/change-records'
import { checkedWith, type RecordKind } from '../../../server/storage/record-kind'
import type { DocumentAccess, Store } from '../../../server/storage/store'

export interface StorageUnderTest {
  /** Opens a store over this storage; the store opened before is closed first. */
  open(): Promise<Store>
  /** Removes the storage (a temporary directory, a database) once the test is over. */
  remove(): Promise<void>
}

export type MakeStorage = (options: { now: () => Date }) => Promise<StorageUnderTest>

export interface StartedStore {
  store(): Store
  /** Moves the store's clock on. */
  advance(ms: number): void
  /** Closes the store and opens another over the same storage, as a server restart does. */
  restart(): Promise<Store>
}

export type StartStore = () => Promise<StartedStore>

export const START = Date.parse('2026-03-01T09:00:00.000Z')

export function starter(makeStorage: MakeStorage): StartStore {
  return async () => {
    let time = START
    const storage = await makeStorage({ now: () => new Date(time) })
    let store = await storage.open()
    onTestFinished(async () => {
      await store.close()
      await storage.remove()
    })
    return {
      store: () => store,
      advance: (ms) => {
        time += ms
      },
      restart: async () => {
        await store.close()
        store = await storage.open()
        return store
      },
    }
  }
}

export interface Notes {
  notes: string[]
}

export const notes: RecordKind<Notes> = {
  name: 'notes',
  empty: () => ({ notes: [] }),
  parse: checkedWith('notes', z.object({ notes: z.array(z.string()) })),
}

export const tallies: RecordKind<{ count: number }> = {
  name: 'tallies',
  empty: () => ({ count: 0 }),
  parse: checkedWith('tallies', z.object({ count: z.number() })),
}

export const access: DocumentAccess = { visibility: 'public', openToContributions: true, members: { ada: 'maintainer' }, blocked: [] }
export const firstChange: StoredChange = { update: new Uint8Array([1, 2, 3]), author: 'ada', time: 1_000 }
export const bytes = (...values: number[]) => new Uint8Array(values)

export const create = (store: Store, id = 'plan', title = 'The plan') => store.createDocument({ id, title, access }, firstChange)

/** A document's content as the next opener finds it. */
export async function readContent(store: Store, id: string) {
  const { log, snapshot, records } = await store.openDocument(id)
  await log.close()
  return { snapshot, records }
}
