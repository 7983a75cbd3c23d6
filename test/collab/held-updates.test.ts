/**
 * An update that builds on content the server does not have yet is held until that content
 * arrives, as Yjs holds such structs, instead of being refused with everything after it.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../model/protocol'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { MAX_HELD_BYTES, TooManyHeldUpdatesError } from '../../server/collab/held-updates'
import type { Room } from '../../server/collab/room'
import { encodeSyncUpdate } from '../../server/collab/server-frames'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp } from '../support/accounts'
import { bareMember, bareRoom } from '../support/bare-room'
import { connectClient, textOf } from '../support/clients'
import { openRawSocket } from '../support/raw-socket'
import { startServer } from '../support/server'

/** A room that keeps every change it is handed. */
function recordingRoom() {
  const stored: Uint8Array[] = []
  const room = bareRoom([{ name: 'store', onStoreChange: ({ update }) => void stored.push(update) }])
  return { room, stored }
}

/** Two paragraphs written one after another by one client: the second builds on the first. */
function twoParagraphs(room: Room, clientId = 7): [Uint8Array, Uint8Array, Y.Doc] {
  const doc = new Y.Doc()
  doc.clientID = clientId
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  const sent: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => sent.push(update))
  for (const text of ['First.', 'Second.']) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph])
  }
  return [sent[0]!, sent[1]!, doc]
}

const textIn = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()

describe('updates that build on what has not arrived', () => {
  it('holds an update until what it builds on arrives, then applies and stores both', async () => {
    const { room, stored } = recordingRoom()
    const [first, second, writer] = twoParagraphs(room)
    const ada = bareMember('ada')
    const held = room.applyClientUpdates([second], ada)
    expect(held.refusal).toBeNull()
    expect(textIn(room.doc)).toBe('')
    const arrived = room.applyClientUpdates([first], ada)
    await Promise.all([...held.stored, ...arrived.stored])
    expect(textIn(room.doc)).toBe(textIn(writer))
    expect(stored).toHaveLength(2)
    room.destroy()
  })

  it('applies at once a later update that does not build on the held one', async () => {
    const { room } = recordingRoom()
    const [, second] = twoParagraphs(room)
    const ada = bareMember('ada')
    const held = room.applyClientUpdates([second], ada).stored[0]!
    const other = new Y.Doc()
    other.clientID = 8
    Y.applyUpdate(other, Y.encodeStateAsUpdate(room.doc))
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Independent.')])
    other.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph])
    await Promise.all(room.applyClientUpdates([Y.encodeStateAsUpdate(other, Y.encodeStateVector(room.doc))], ada).stored)
    expect(textIn(room.doc)).toBe('<paragraph>Independent.</paragraph>')
    let settled = false
    void held.then(() => (settled = true))
    await room.settle()
    expect(settled).toBe(false)
    room.destroy()
  })

  it('drops what a client left waiting when it leaves', async () => {
    const { room, stored } = recordingRoom()
    const [first, second] = twoParagraphs(room)
    const ada = bareMember('ada')
    room.join(ada)
    const held = room.applyClientUpdates([second], ada).stored[0]!
    room.leave(ada)
    await expect(held).rejects.toThrow(/left/)
    await Promise.all(room.applyClientUpdates([first], bareMember('ada')).stored)
    expect(textIn(room.doc)).not.toContain('Second.')
    expect(stored).toHaveLength(1)
    room.destroy()
  })

  it('refuses an update past the bound of what a document may hold', () => {
    const { room } = recordingRoom()
    const ada = bareMember('ada')
    const [, rest] = continuation(room, 256 * 1024)
    let refusal: unknown = null
    // The same continuation again and again: held, each behind the one before.
    for (let sent = 0; sent <= MAX_HELD_BYTES / rest.byteLength + 1 && refusal === null; sent++) {
      refusal = room.applyClientUpdates([rest], ada).refusal
    }
    expect(refusal).toBeInstanceOf(TooManyHeldUpdatesError)
    expect(textIn(room.doc)).toBe('')
    room.destroy()
  })

  it('closes a real connection with 4507 past the bound, and applies nothing it held', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'admin')
    const writer = connectClient(server, MANIFESTO_ID, admin)
    await writer.synced()
    const raw = openRawSocket(server.collabUrl, MANIFESTO_ID, admin.cookie)
    await raw.joined
    const handle = await server.app.collab.openDocument(MANIFESTO_ID)
    const [, rest] = continuation(handle.document as Room, 512 * 1024)
    await handle.release()
    for (let sent = 0; sent <= MAX_HELD_BYTES / rest.byteLength + 1; sent++) raw.socket.send(encodeSyncUpdate(rest))
    expect((await raw.closed).code).toBe(CloseCode.tooManyHeldUpdates)
    expect(textOf(writer.doc)).not.toContain('yyyy')
  })
})

/**
 * A new paragraph in two updates from one new client: the start, and the rest, `size` characters
 * long, which continues the start's clocks and so builds on it.
 */
function continuation(room: Pick<Room, 'doc'>, size: number): [Uint8Array, Uint8Array] {
  const doc = new Y.Doc()
  doc.clientID = 4242
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  const before = Y.encodeStateVector(doc)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('y')])
  doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph])
  const start = Y.encodeStateAsUpdate(doc, before)
  const afterStart = Y.encodeStateVector(doc)
  ;(paragraph.get(0) as Y.XmlText).insert(1, 'y'.repeat(size))
  return [start, Y.encodeStateAsUpdate(doc, afterStart)]
}
