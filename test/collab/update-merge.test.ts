/**
 * Joining the changes that land together into one relayed update by copying their bytes
 * (server/collab/update-merge.ts), checked against real editing: the joined update must make
 * the same document as the changes one by one, and as Y.mergeUpdates of them.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import type { Extension } from '../../server/collab/hooks'
import { encodeTransaction, type EncodedChange } from '../../server/collab/update-encoding'
import { joinChanges } from '../../server/collab/update-merge'
import { bareMember, bareRoom, relayedUpdate } from '../support/bare-room'
import { ParagraphText } from '../support/paragraph-text'
import { loadTrace } from '../support/traces'

/** A document typed by `writers` people in turns of `turn` edits from seph-blog1, with every change as the room encodes it. */
function typedChanges(edits: number, writers: number, turn: number) {
  const doc = new Y.Doc({ gc: false })
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
  const start = Y.encodeStateAsUpdate(doc)
  const changes: EncodedChange[] = []
  doc.on('afterTransactionCleanup', (transaction: Y.Transaction) => {
    const change = encodeTransaction(transaction)
    if (change) changes.push(change)
  })
  const text = new ParagraphText(doc.getXmlFragment(DOCUMENT_FRAGMENT))
  for (const [index, { patches }] of loadTrace('seph-blog1').txns.slice(0, edits).entries()) {
    doc.clientID = 100 + (Math.floor(index / turn) % writers)
    doc.transact(() => {
      for (const [position, deleted, inserted] of patches) text.apply(position, deleted, inserted)
    })
  }
  return { doc, start, changes }
}

function stateAfter(start: Uint8Array, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: false })
  Y.applyUpdate(doc, start)
  for (const update of updates) Y.applyUpdate(doc, update)
  expect(doc.store.pendingStructs).toBeNull()
  return Y.encodeStateAsUpdate(doc)
}

describe('joining changes for the relay', () => {
  it('joins changes that follow one another, deletions included, into an update that makes the same document as Y.mergeUpdates', () => {
    const { doc, start, changes } = typedChanges(1_500, 3, 7)
    expect(changes.some((change) => change.deletionsAt < change.update.length - 1)).toBe(true)
    for (let first = 0; first < changes.length; first += 64) {
      const batch = changes.slice(first, first + 64)
      const joined = joinChanges(batch)
      expect(joined).not.toBeNull()
      expect(stateAfter(start, [...changes.slice(0, first).map(({ update }) => update), joined!])).toEqual(
        stateAfter(start, [...changes.slice(0, first).map(({ update }) => update), Y.mergeUpdates(batch.map(({ update }) => update))]),
      )
    }
    expect(stateAfter(start, [joinChanges(changes)!])).toEqual(Y.encodeStateAsUpdate(doc))
  })

  it('joins nothing when a client’s structs skip a change, so that the caller merges them with Yjs', () => {
    const { changes } = typedChanges(20, 1, 20)
    expect(joinChanges([changes[0]!, changes[2]!])).toBeNull()
  })
})

describe('a room relaying a batch', () => {
  it('gives a reader the room’s document from joined batches of several writers’ keystrokes', async () => {
    let commit = commitPoint()
    const store: Extension = { name: 'store', onStoreChange: () => commit.promise }
    const room = bareRoom([store], { open: false })
    const { start, changes } = typedChanges(600, 3, 5)
    // The document loaded with its first paragraph, as every document starts.
    Y.applyUpdate(room.doc, start)
    room.open()
    // Keeping tombstones, as the room does, so that the two states can be compared byte for byte.
    const reader = new Y.Doc({ gc: false })
    Y.applyUpdate(reader, start)
    const writers = [bareMember('ada'), bareMember('ben'), bareMember('cy')]
    for (const writer of writers) room.join(writer)
    room.join({ ...bareMember('reader'), send: (frame) => applyRelayed(reader, frame) })
    // Forty changes at a time become durable together, as in one group commit.
    for (let first = 0; first < changes.length; first += 40) {
      commit = commitPoint()
      const stored = changes.slice(first, first + 40).map(({ update }, index) => room.applyClientUpdate(update, writers[(first + index) % 3]!))
      commit.resolve()
      await Promise.all(stored)
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(Y.encodeStateAsUpdate(reader)).toEqual(Y.encodeStateAsUpdate(room.doc))
    room.destroy()
  })
})

/** A store's promise, and the moment it resolves. */
function commitPoint() {
  let resolve = () => {}
  const promise = new Promise<void>((done) => (resolve = done))
  return { promise, resolve }
}

function applyRelayed(doc: Y.Doc, frame: Uint8Array): void {
  const update = relayedUpdate(frame)
  if (update) Y.applyUpdate(doc, update)
}
