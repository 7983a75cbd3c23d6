/**
 * What a room stores and relays for each change: the structs its check wrote that the document
 * lacked, with the deletions that were new (server/collab/update-encoding.ts), instead of Yjs's
 * own encoding of every transaction. The store and the relay must get exactly what changed.
 */
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { Room, type RoomMember } from '../../server/collab/room'
import { InvalidUpdateError } from '../../server/collab/update-check'
import { bareMember, bareRoom, relayedUpdate } from '../support/bare-room'
import { ParagraphText } from '../support/paragraph-text'
import { loadTrace } from '../support/traces'

interface Member extends RoomMember {
  /** The updates relayed to this member. */
  relayed: Uint8Array[]
}

function member(user: string): Member {
  const relayed: Uint8Array[] = []
  const record = (frame: Uint8Array) => {
    const update = relayedUpdate(frame)
    if (update) relayed.push(update)
  }
  return { ...bareMember(user, record), relayed }
}

/** A room whose store keeps every update it is handed. */
function recordingRoom() {
  const stored: Uint8Array[] = []
  const room = bareRoom([{ name: 'store', onStoreChange: ({ update }) => void stored.push(update) }], { now: () => 1_000 })
  return { room, stored }
}

/** A client's own copy of the document, writing under `clientId`. */
function clientOf(room: Room, clientId: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientId
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  return doc
}

/** Writes a paragraph into `doc` and returns the update the client sends for it. */
function writeParagraph(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph])
  return Y.encodeStateAsUpdate(doc, before)
}

const textOf = (doc: Y.Doc) => (doc.getXmlFragment(DOCUMENT_FRAGMENT).toArray() as Y.XmlElement[]).map((paragraph) => paragraph.toString()).join('')

/** Clock ranges, per client, of the structs an update carries. */
function clocksIn(update: Uint8Array): Array<[client: number, from: number, to: number]> {
  return Y.decodeUpdate(update).structs.map((struct) => [struct.id.client, struct.id.clock, struct.id.clock + struct.length])
}

function deletionsIn(update: Uint8Array): Array<[client: number, clock: number, len: number]> {
  return [...Y.decodeUpdate(update).ds.clients].flatMap(([client, ranges]) => ranges.map(({ clock, len }): [number, number, number] => [client, clock, len]))
}

/** Lets the room relay what became durable. */
const relayed = () => new Promise((resolve) => setImmediate(resolve))

describe('what a room stores and relays', () => {
  it('stores and relays only what the document lacked when an update repeats content the server has', async () => {
    const { room, stored } = recordingRoom()
    const [ada, reader] = [member('ada'), member('reader')]
    room.join(ada)
    room.join(reader)
    const client = clientOf(room, 7)
    await room.applyClientUpdate(writeParagraph(client, 'First.'), ada)
    await relayed()
    const known = Y.getState(room.doc.store, 7)
    writeParagraph(client, 'Second.')
    // As after a reconnection: the client's whole state, most of which the server has.
    await room.applyClientUpdate(Y.encodeStateAsUpdate(client), ada)
    await relayed()
    expect(stored).toHaveLength(2)
    expect(clocksIn(stored[1]!).every(([client, from]) => client === 7 && from >= known)).toBe(true)
    expect(reader.relayed.at(-1)).toEqual(stored[1])
    const copy = new Y.Doc()
    for (const update of stored) Y.applyUpdate(copy, update)
    expect(textOf(copy)).toBe(textOf(room.doc))
    room.destroy()
  })

  it('cuts a struct the document has in part to the part it lacks', async () => {
    const { room, stored } = recordingRoom()
    const ada = member('ada')
    room.join(ada)
    const client = clientOf(room, 7)
    await room.applyClientUpdate(writeParagraph(client, 'Hello'), ada)
    const known = Y.getState(room.doc.store, 7)
    const text = (client.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(5, ', world')
    // The client's encoding holds "Hello, world" as one struct, which the server has up to the comma.
    const whole = Y.encodeStateAsUpdate(client)
    expect(clocksIn(whole).some(([, from, to]) => from < known && to > known)).toBe(true)
    await room.applyClientUpdate(whole, ada)
    expect(clocksIn(stored[1]!)).toEqual([[7, known, known + ', world'.length]])
    room.destroy()
  })

  it('stores and relays nothing for an update that holds only what the document has', async () => {
    const { room, stored } = recordingRoom()
    const [ada, reader] = [member('ada'), member('reader')]
    room.join(ada)
    room.join(reader)
    const client = clientOf(room, 7)
    const update = writeParagraph(client, 'Once.')
    await room.applyClientUpdate(update, ada)
    await relayed()
    await room.applyClientUpdate(update, ada)
    await relayed()
    expect(stored).toHaveLength(1)
    expect(reader.relayed).toHaveLength(1)
    room.destroy()
  })

  it('stores the deletions an update makes that are new, not those the document had', async () => {
    const { room, stored } = recordingRoom()
    const ada = member('ada')
    room.join(ada)
    const client = clientOf(room, 7)
    await room.applyClientUpdate(writeParagraph(client, 'Keep this, drop that.'), ada)
    const text = (client.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText
    const deleting = (index: number, length: number) => {
      const before = Y.encodeStateVector(client)
      text.delete(index, length)
      return Y.encodeStateAsUpdate(client, before)
    }
    await room.applyClientUpdate(deleting(11, 5), ada)
    deleting(0, 5)
    // The whole state again carries both deletions; only the second is new to the server.
    await room.applyClientUpdate(Y.encodeStateAsUpdate(client), ada)
    expect(stored).toHaveLength(3)
    const [, first, second] = stored.map(deletionsIn)
    expect(second).toHaveLength(1)
    expect(second).not.toEqual(first)
    expect(clocksIn(stored[2]!)).toEqual([])
    room.destroy()
  })

  it('stores the same bytes for every keystroke of a real trace as Yjs would encode for it', async () => {
    const { room, stored } = recordingRoom()
    const ada = member('ada')
    room.join(ada)
    const mirror = new Y.Doc({ gc: false })
    const encodedByYjs: Uint8Array[] = []
    mirror.on('update', (update: Uint8Array) => encodedByYjs.push(update))
    const client = new Y.Doc()
    client.clientID = 7
    client.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
    const text = new ParagraphText(client.getXmlFragment(DOCUMENT_FRAGMENT))
    let sent: Uint8Array = Y.encodeStateAsUpdate(client)
    client.on('update', (update: Uint8Array) => (sent = update))
    const { txns } = loadTrace('seph-blog1')
    for (const { patches } of [{ patches: [] }, ...txns.slice(0, 2_000)]) {
      client.transact(() => {
        for (const [position, deleted, inserted] of patches) text.apply(position, deleted, inserted)
      })
      await room.applyClientUpdate(sent, ada)
      Y.applyUpdate(mirror, sent)
    }
    expect(stored.length).toBe(encodedByYjs.length)
    expect(stored.every((update, index) => Buffer.from(update).equals(Buffer.from(encodedByYjs[index]!)))).toBe(true)
    room.destroy()
  })

  it('stores a change the server makes itself as Yjs encodes it', async () => {
    const { room, stored } = recordingRoom()
    const ada = member('ada')
    room.join(ada)
    await room.applyClientUpdate(writeParagraph(clientOf(room, 7), 'Suggested text.'), ada)
    const encodedByYjs: Uint8Array[] = []
    room.doc.on('update', (update: Uint8Array) => encodedByYjs.push(update))
    // As accepting a suggestion or restoring a version does: a transaction whose origin names the author.
    room.doc.transact(() => {
      const text = (room.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText
      text.delete(0, 10)
      text.insert(0, 'Accepted ')
    }, { author: 'ben', time: 2_000 })
    await room.settle()
    expect(stored).toHaveLength(2)
    expect(stored[1]).toEqual(encodedByYjs[0])
    room.destroy()
  })

  // Regression guard: the checked bytes hold the structs Yjs could not integrate; storing them would keep them pending in the log.
  it('stores only what integrated of an update with a circular reference, and refuses it', async () => {
    const { room, stored } = recordingRoom()
    const ada = member('ada')
    room.join(ada)
    const valid = writeParagraph(clientOf(room, 9), 'Fine.')
    const update = Y.mergeUpdates([valid, circularPair(7, 8)])
    expect(() => room.applyClientUpdate(update, ada)).toThrow(InvalidUpdateError)
    await room.settle()
    expect(stored).toHaveLength(1)
    expect(new Set(clocksIn(stored[0]!).map(([client]) => client))).toEqual(new Set([9]))
    const copy = new Y.Doc()
    Y.applyUpdate(copy, stored[0]!)
    expect(copy.store.pendingStructs).toBeNull()
    expect(textOf(copy)).toBe(textOf(room.doc))
    room.destroy()
  })
})

/** Two one-letter items, each written after the other: Yjs can integrate neither. */
function circularPair(first: number, second: number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 2)
  for (const [client, other] of [
    [second, first],
    [first, second],
  ] as const) {
    encoding.writeVarUint(encoder.restEncoder, 1)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, 0)
    new Y.Item(Y.createID(client, 0), null, Y.createID(other, 0), null, null, null, null, new Y.ContentString('x')).write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, 0)
  return encoder.toUint8Array()
}
