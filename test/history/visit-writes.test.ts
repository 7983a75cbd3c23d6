/**
 * Regression: every connection that left wrote the history record on its own, one after
 * another in the document's queue, so a crowd leaving at once (or a flood of connections)
 * queued thousands of disk writes ahead of the next version: after 30,000 fuzzed frames the
 * server took half a minute to record the version and stop.
 */
import { describe, expect, it } from 'vitest'
import { attribution as createAttribution } from '../../server/attribution/attribution-extension'
import type { Store } from '../../server/storage/store'
import { Room } from '../../server/collab/room'
import { createDocumentModel } from '../../server/documents/content'
import { History } from '../../server/history/history'
import { MemoryStore } from '../../server/storage/memory-store'
import { historyRecords } from '../../server/history/version-model'

const DAY = 24 * 60 * 60 * 1000

/** A store that counts the writes of history records, passing everything through. */
function countingWrites(store: Store) {
  const counted = { writes: 0 }
  const records: Store['records'] = (kind) => {
    const inner = store.records(kind)
    if (kind !== historyRecords) return inner
    return { read: (id) => inner.read(id), update: (id, change) => (counted.writes++, inner.update(id, change)) }
  }
  const counting = new Proxy(store, {
    get: (target, key) => (key === 'records' ? records : (Reflect.get(target, key, target) as unknown)),
  })
  return { store: counting, counted }
}

async function historyOfOneDocument() {
  const memory = new MemoryStore()
  const { store, counted } = countingWrites(memory)
  const model = createDocumentModel()
  await memory.createDocument({ id: 'paper', title: 'Paper', access: { visibility: 'public', openToContributions: true, members: {}, blocked: [] } }, { update: new Uint8Array([0, 0]), author: null, time: 0 })
  const attribution = createAttribution()
  const history = new History({ store, model, attribution, loadedDocument: () => undefined, now: () => 1_000, idleMs: DAY, maxMs: DAY, visitGapMs: DAY, onError: (_id, error) => { throw error } })
  const room = new Room({
    documentId: 'paper',
    extensions: [attribution, history.extension],
    shape: model.shape,
    onStorageFailure: (_room, error) => { throw error },
    onHookFailure: (_room, _extension, error) => { throw error },
    now: () => 1_000,
  })
  room.open()
  return { history, room, counted }
}

describe('visits', () => {
  it('writes what a hundred people had seen, as they leave at once, in two writes of the history record', async () => {
    const { history, room, counted } = await historyOfOneDocument()
    const people = Array.from({ length: 100 }, (_, index) => `person-${index}`)
    await Promise.all(people.map((person) => history.visited(room, person)))
    // The first to leave starts a write; everyone who leaves while it runs shares the next one.
    expect(counted.writes).toBeLessThanOrEqual(2)
    const { visits } = await history.read('paper')
    expect(Object.keys(visits).sort()).toEqual([...people].sort())
    room.destroy()
  })

  it('writes a person coming back and another leaving at the same moment in one write of the history record', async () => {
    const { history, room, counted } = await historyOfOneDocument()
    await history.visited(room, 'ada')
    const before = counted.writes
    await Promise.all([history.returned(room, 'ada'), history.visited(room, 'ben')])
    expect(counted.writes - before).toBeLessThanOrEqual(1)
    const { visits } = await history.read('paper')
    expect(Object.keys(visits).sort()).toEqual(['ada', 'ben'])
    room.destroy()
  })
})
