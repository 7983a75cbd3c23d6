/**
 * Updates that one client sent one after another and one socket read brought in together are
 * applied as one change (Room.applyClientUpdates), and refused exactly as they would have been
 * one by one: what came before a refused update goes in, nothing after it does.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { CollabError } from '../../server/collab/hooks'
import type { Room } from '../../server/collab/room'
import { InvalidUpdateError } from '../../server/collab/update-check'
import { suggestionRules } from '../../server/suggestions/suggestion-rules'
import { bareMember, bareRoom } from '../support/bare-room'
import { editDirectly, suggestEdit } from '../support/suggest-edit'

/** A room whose store keeps every change it is handed. */
function recordingRoom(others: Parameters<typeof bareRoom>[0] = []) {
  const stored: Uint8Array[] = []
  const room = bareRoom([...others, { name: 'store', onStoreChange: ({ update }) => void stored.push(update) }])
  return { room, stored }
}

/** A client's own copy of the document, writing under `clientId`, and every update it sends from now on. */
function clientOf(room: Room, clientId: number): { doc: Y.Doc; sent: Uint8Array[] } {
  const doc = new Y.Doc()
  doc.clientID = clientId
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  const sent: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => sent.push(update))
  return { doc, sent }
}

function textIn(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
  if (fragment.length === 0) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText()])
    fragment.insert(0, [paragraph])
  }
  return (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
}

/** Types `text` a character at a time, one update per character, as an editor sends keystrokes. */
function type(doc: Y.Doc, text: string): void {
  for (const character of text) textIn(doc).insert(textIn(doc).length, character)
}

const textOf = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()

/** An update that puts content under a root the schema does not have. */
function outsideTheSchema(clientId: number): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  doc.getMap('smuggled').set('key', 'value')
  return Y.encodeStateAsUpdate(doc)
}

describe('updates received together', () => {
  it('applies a client’s keystrokes received together as one stored change, and reports each as stored', async () => {
    const { room, stored } = recordingRoom()
    const ada = clientOf(room, 7)
    type(ada.doc, 'Together.')
    const { stored: each, refusal } = room.applyClientUpdates(ada.sent, bareMember('ada'))
    expect(refusal).toBeNull()
    expect(each).toHaveLength(ada.sent.length)
    await Promise.all(each)
    expect(stored).toHaveLength(1)
    expect(textOf(room.doc)).toBe(textOf(ada.doc))
    room.destroy()
  })

  it('applies updates that repeat one another, as a client resending its whole state does, one by one', async () => {
    const { room, stored } = recordingRoom()
    const ada = clientOf(room, 7)
    type(ada.doc, 'Once')
    const whole = Y.encodeStateAsUpdate(ada.doc)
    type(ada.doc, ' more.')
    const { stored: each, refusal } = room.applyClientUpdates([...ada.sent.slice(0, 4), whole, ...ada.sent.slice(4)], bareMember('ada'))
    expect(refusal).toBeNull()
    await Promise.all(each)
    expect(textOf(room.doc)).toBe(textOf(ada.doc))
    expect(stored.length).toBeGreaterThan(1)
    room.destroy()
  })

  it('applies the updates before a refused one and none after it', async () => {
    const { room, stored } = recordingRoom()
    const ada = clientOf(room, 7)
    type(ada.doc, 'Kept')
    const kept = textOf(ada.doc)
    const before = ada.sent.splice(0)
    type(ada.doc, ' but not this.')
    const { stored: each, refusal } = room.applyClientUpdates([...before, outsideTheSchema(8), ...ada.sent], bareMember('ada'))
    expect(refusal).toBeInstanceOf(InvalidUpdateError)
    expect(each).toHaveLength(before.length)
    await Promise.all(each)
    expect(textOf(room.doc)).toBe(kept)
    expect(room.doc.share.has('smuggled')).toBe(false)
    expect(stored).toHaveLength(before.length)
    room.destroy()
  })

  it('keeps a contributor’s suggestion received together with a direct edit, and refuses the edit', async () => {
    const rules = suggestionRules({ mustSuggest: (connection) => connection.user === 'sam' })
    const { room } = recordingRoom([rules])
    const maintainer = clientOf(room, 7)
    type(maintainer.doc, 'We write together.')
    await Promise.all(room.applyClientUpdates(maintainer.sent, bareMember('mia')).stored)
    const sam = clientOf(room, 9)
    suggestEdit(sam.doc, 'sam', (tr, find) => tr.insertText(' openly', find('together') + 'together'.length))
    const suggested = sam.sent.splice(0)
    const withSuggestion = textOf(sam.doc)
    editDirectly(sam.doc, (tr, find) => tr.insertText('!', find('together') + 'together'.length))
    const { stored, refusal } = room.applyClientUpdates([...suggested, ...sam.sent], bareMember('sam'))
    expect(refusal).toBeInstanceOf(CollabError)
    expect((refusal as CollabError).closeCode).toBe('suggestOnly')
    await Promise.all(stored)
    expect(textOf(room.doc)).toBe(withSuggestion)
    room.destroy()
  })
})
