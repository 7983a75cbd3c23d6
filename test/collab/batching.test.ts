import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../model/protocol'
import type { RoomMember } from '../../server/collab/room'
import { bareMember, bareRoom, relayedUpdate } from '../support/bare-room'

interface Listener extends RoomMember {
  frames: Uint8Array[]
}

function listener(user: string): Listener {
  const frames: Uint8Array[] = []
  return { ...bareMember(user, (frame) => void frames.push(frame)), frames }
}

/** The frames of one kind a member was sent, with their payloads. */
function updatesIn(frames: Uint8Array[]): Uint8Array[] {
  return frames.flatMap((frame) => relayedUpdate(frame) ?? [])
}

const awarenessFrames = (frames: Uint8Array[]) => frames.filter((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === MESSAGE_AWARENESS)

/** A paragraph written by a client of its own, as that person's editor sends it. */
function paragraphBy(clientId: number, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph])
  return Y.encodeStateAsUpdate(doc)
}

/** A room whose store makes every change durable at the same moment, when `land` is called. */
function roomWithOneCommit() {
  let land = () => {}
  const commit = new Promise<void>((resolve) => (land = resolve))
  const room = bareRoom([{ name: 'store', onStoreChange: () => commit }])
  return { room, land }
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray().map((paragraph) => (paragraph as Y.XmlElement).toString()).sort().join('')
}

describe('relaying changes in batches', () => {
  it('sends a reader the changes that became durable together as one frame', async () => {
    const { room, land } = roomWithOneCommit()
    const [ada, ben, reader] = [listener('ada'), listener('ben'), listener('reader')]
    for (const member of [ada, ben, reader]) room.join(member)
    const acknowledged = [room.applyClientUpdate(paragraphBy(1, 'One.'), ada), room.applyClientUpdate(paragraphBy(2, 'Two.'), ben), room.applyClientUpdate(paragraphBy(3, 'Three.'), ada)]
    land()
    await Promise.all(acknowledged)
    await new Promise((resolve) => setImmediate(resolve))
    const received = updatesIn(reader.frames)
    expect(received).toHaveLength(1)
    expect(textOf(received)).toBe(textOf([paragraphBy(1, 'One.'), paragraphBy(2, 'Two.'), paragraphBy(3, 'Three.')]))
    room.destroy()
  })

  it('sends writers in a batch from several people the same frame as everyone, holding all of it', async () => {
    const { room, land } = roomWithOneCommit()
    const [ada, ben, reader] = [listener('ada'), listener('ben'), listener('reader')]
    for (const member of [ada, ben, reader]) room.join(member)
    const acknowledged = [room.applyClientUpdate(paragraphBy(1, 'Ada’s.'), ada), room.applyClientUpdate(paragraphBy(2, 'Ben’s.'), ben)]
    land()
    await Promise.all(acknowledged)
    await new Promise((resolve) => setImmediate(resolve))
    expect(updatesIn(ada.frames)).toEqual(updatesIn(reader.frames))
    expect(updatesIn(ben.frames)).toEqual(updatesIn(reader.frames))
    expect(textOf(updatesIn(ada.frames))).toBe(textOf([paragraphBy(1, 'Ada’s.'), paragraphBy(2, 'Ben’s.')]))
    room.destroy()
  })

  it('sends a lone writer nothing back of their own changes', async () => {
    const { room, land } = roomWithOneCommit()
    const [ada, reader] = [listener('ada'), listener('reader')]
    for (const member of [ada, reader]) room.join(member)
    const acknowledged = [room.applyClientUpdate(paragraphBy(1, 'One.'), ada), room.applyClientUpdate(paragraphBy(3, 'Two.'), ada)]
    land()
    await Promise.all(acknowledged)
    await new Promise((resolve) => setImmediate(resolve))
    expect(updatesIn(ada.frames)).toEqual([])
    expect(updatesIn(reader.frames)).toHaveLength(1)
    room.destroy()
  })

  it('sends a hundred changes that land together in frames of at most 64 changes', async () => {
    const { room, land } = roomWithOneCommit()
    const [writer, reader] = [listener('writer'), listener('reader')]
    for (const member of [writer, reader]) room.join(member)
    const updates = Array.from({ length: 100 }, (_, index) => paragraphBy(100 + index, `Line ${index}.`))
    const acknowledged = updates.map((update) => room.applyClientUpdate(update, writer))
    land()
    await Promise.all(acknowledged)
    await new Promise((resolve) => setImmediate(resolve))
    const received = updatesIn(reader.frames)
    expect(received).toHaveLength(2)
    expect(textOf(received)).toBe(textOf(updates))
    expect(updatesIn(writer.frames)).toEqual([])
    room.destroy()
  })
})

describe('relaying presence in batches', () => {
  it('sends everyone the newest presence of many clients that changed at once, in one frame', async () => {
    const { room } = roomWithOneCommit()
    const [ada, reader] = [listener('ada'), listener('reader')]
    for (const member of [ada, reader]) room.join(member)
    const before = awarenessFrames(reader.frames).length
    // Ten people's carets, each at its first clock, arriving in one turn of the event loop.
    for (let clientId = 1; clientId <= 10; clientId++) room.applyAwareness([{ clientId, clock: 1, json: JSON.stringify({ n: clientId }) }], ada)
    await new Promise((resolve) => setImmediate(resolve))
    const sent = awarenessFrames(reader.frames).slice(before)
    expect(sent).toHaveLength(1)
    const seen = new awarenessProtocol.Awareness(new Y.Doc())
    const decoder = decoding.createDecoder(sent[0]!)
    decoding.readVarUint(decoder)
    awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), null)
    expect([...seen.getStates().keys()].filter((id) => id !== seen.clientID).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    seen.destroy()
    room.destroy()
  })

  it('sends a presence frame to a crowded room in slices, so that a change is not held up behind it', async () => {
    const { room, land } = roomWithOneCommit()
    land()
    const members = Array.from({ length: 200 }, (_, index) => listener(`member ${index}`))
    for (const member of members) room.join(member)
    const ada = members[0]!
    const [last] = members.slice(-1)
    const before = last!.frames.length
    room.applyAwareness([{ clientId: 7, clock: 1, json: JSON.stringify({ n: 7 }) }], ada)
    const relayed = room.applyClientUpdate(paragraphBy(1, 'Typed while carets were on their way.'), ada)
    await relayed
    // The slices go out one turn of the event loop after another.
    while (!members.every((member) => awarenessFrames(member.frames).length > 0)) await new Promise((resolve) => setImmediate(resolve))
    const kinds = last!.frames.slice(before).map((frame) => decoding.readVarUint(decoding.createDecoder(frame)))
    expect(kinds).toEqual([MESSAGE_SYNC, MESSAGE_AWARENESS])
    room.destroy()
  })
})
