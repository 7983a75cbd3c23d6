/**
 * Enter and Shift+Enter with words after the caret, in suggesting mode: the break is proposed as a
 * character of the text (PARAGRAPH_BREAK, LINE_BREAK, model/schema/suggestion-model.ts), so nothing
 * moves until a maintainer accepts it. In-process: a contributor's editor bound to Yjs as the browser's is,
 * and the server's check of each update (test/support/suggestion-room.ts).
 */
import type { JSONContent } from '@tiptap/core'
import { Transform } from '@tiptap/pm/transform'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { acceptSuggestion, rejectSuggestion } from '../../model/schema/decide-suggestion'
import { listSuggestions } from '../../model/schema/suggestion-list'
import { LINE_BREAK, PARAGRAPH_BREAK } from '../../model/schema/suggestion-model'
import { SuggestionRoom } from '../support/suggestion-room'
import { schema, type SuggestingEditor } from '../support/suggesting-editor'

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const list = (...items: JSONContent[]): JSONContent => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [item] })) })
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content })

function pressEnter(editor: SuggestingEditor, at: number, depth = 1): Uint8Array {
  const before = Y.encodeStateVector(editor.ydoc)
  editor.select(at)
  editor.edit((state) =>
    depth === 1 ? state.tr.split(at) : state.tr.split(at, depth, [{ type: schema.nodes.listItem! }, { type: schema.nodes.paragraph! }]),
  )
  return Y.encodeStateAsUpdate(editor.ydoc, before)
}

function pressShiftEnter(editor: SuggestingEditor, at: number): Uint8Array {
  const before = Y.encodeStateVector(editor.ydoc)
  editor.select(at)
  editor.edit((state) => state.tr.replaceSelectionWith(schema.nodes.hardBreak!.create()))
  return Y.encodeStateAsUpdate(editor.ydoc, before)
}

const ORIGINAL = doc(paragraph('We write in public'))

/** Ada, alone in a room holding `content`, presses a key there and sends it: the room after it. */
function proposedByAda(press: (editor: SuggestingEditor) => unknown, content: JSONContent = ORIGINAL): SuggestionRoom {
  const room = new SuggestionRoom(content)
  const ada = room.join('ada', 1)
  press(ada)
  room.send(ada)
  return room
}

function decided(room: SuggestionRoom, decide: typeof acceptSuggestion, id: string) {
  const tr = new Transform(room.read())
  decide(tr, id)
  return tr.doc
}

describe('a paragraph break proposed inside the text', () => {
  it('is a character of the paragraph, and writing it deletes nothing in Yjs', () => {
    const room = new SuggestionRoom(doc(paragraph('We write in public')))
    const ada = room.join('ada', 1)
    const update = pressEnter(ada, 10)
    expect(Y.decodeUpdate(update).ds.clients.size).toBe(0)
    room.send(ada)
    expect(room.read().childCount).toBe(1)
    expect(room.read().textContent).toBe(`We write ${PARAGRAPH_BREAK}in public`)
  })

  it('is not used at the end of a paragraph, where a new block moves nothing', () => {
    const room = proposedByAda((ada) => pressEnter(ada, 9), doc(paragraph('We write')))
    expect(room.read().childCount).toBe(2)
    expect(room.read().textContent).not.toContain(PARAGRAPH_BREAK)
  })

  it('splits the paragraph there when accepted, and goes when rejected', () => {
    const room = proposedByAda((ada) => pressEnter(ada, 10))
    expect(decided(room, acceptSuggestion, 'ada-1').toJSON()).toEqual(schema.nodeFromJSON(doc(paragraph('We write '), paragraph('in public'))).toJSON())
    expect(decided(room, rejectSuggestion, 'ada-1').eq(schema.nodeFromJSON(ORIGINAL))).toBe(true)
  })

  it('splits a list item into two items when accepted', () => {
    const room = proposedByAda((ada) => pressEnter(ada, 12, 2), doc(list(paragraph('We write in public'))))
    expect(decided(room, acceptSuggestion, 'ada-1').toJSON()).toEqual(schema.nodeFromJSON(doc(list(paragraph('We write '), paragraph('in public')))).toJSON())
  })

  it('is listed for review as a new paragraph, its character shown as a pilcrow', () => {
    const room = proposedByAda((ada) => pressEnter(ada, 10))
    const [suggestion] = listSuggestions(room.read())
    expect(suggestion?.kinds).toEqual(expect.arrayContaining(['insert', 'paragraph']))
    expect(suggestion?.inserted).toBe('¶')
  })

  it('keeps the words someone typed after it at the same moment on its far side once accepted', () => {
    const room = new SuggestionRoom(doc(paragraph('We write in public')))
    const ada = room.join('ada', 1)
    const bob = room.join('bob', 2)
    pressEnter(ada, 10)
    bob.select(13)
    bob.edit((state) => state.tr.insertText('all ', 13))
    room.send(bob)
    room.send(ada)
    const accepted = decided(room, acceptSuggestion, 'ada-1')
    expect(accepted.childCount).toBe(2)
    expect(accepted.child(1).textContent).toBe('in all public')
  })

  it('lets two people press Enter in the same empty paragraph at once, each proposing a paragraph of their own', () => {
    for (const first of [0, 1]) {
      const room = new SuggestionRoom(doc({ type: 'paragraph' }, { type: 'paragraph' }))
      const people = [room.join('ada', 1), room.join('bob', 2)]
      for (const person of people) pressEnter(person, 1)
      expect(() => room.send(people[first]!)).not.toThrow()
      expect(() => room.send(people[1 - first]!)).not.toThrow()
      expect(listSuggestions(room.read()).map((suggestion) => suggestion.id).sort()).toEqual(['ada-1', 'bob-1'])
      expect(room.read().childCount).toBe(4)
    }
  })

  it('lets two people press Enter in one paragraph at once, and accepting both splits it in three', () => {
    for (const first of [0, 1]) {
      const room = new SuggestionRoom(doc(paragraph('We write in public')))
      const people = [room.join('ada', 1), room.join('bob', 2)]
      pressEnter(people[0]!, 4)
      pressEnter(people[1]!, 10)
      expect(() => room.send(people[first]!)).not.toThrow()
      expect(() => room.send(people[1 - first]!)).not.toThrow()
      const tr = new Transform(room.read())
      acceptSuggestion(tr, 'ada-1')
      acceptSuggestion(tr, 'bob-1')
      expect(tr.doc.toJSON()).toEqual(schema.nodeFromJSON(doc(paragraph('We '), paragraph('write '), paragraph('in public'))).toJSON())
    }
  })
})

describe('a line break proposed inside the text', () => {
  it('is a character of the paragraph, and writing it deletes nothing in Yjs', () => {
    const room = new SuggestionRoom(doc(paragraph('We write in public')))
    const ada = room.join('ada', 1)
    expect(Y.decodeUpdate(pressShiftEnter(ada, 10)).ds.clients.size).toBe(0)
    room.send(ada)
    expect(room.read().textContent).toBe(`We write ${LINE_BREAK}in public`)
    expect(listSuggestions(room.read())[0]?.inserted).toBe('↵')
  })

  it('becomes a line break when accepted, and goes when rejected', () => {
    const room = proposedByAda((ada) => pressShiftEnter(ada, 10))
    const withLineBreak = { type: 'paragraph', content: [{ type: 'text', text: 'We write ' }, { type: 'hardBreak' }, { type: 'text', text: 'in public' }] }
    expect(decided(room, acceptSuggestion, 'ada-1').toJSON()).toEqual(schema.nodeFromJSON(doc(withLineBreak)).toJSON())
    expect(decided(room, rejectSuggestion, 'ada-1').eq(schema.nodeFromJSON(ORIGINAL))).toBe(true)
  })

  it('keeps the words someone typed after it at the same moment after it once accepted (they used to land before it)', () => {
    for (const first of [0, 1]) {
      const room = new SuggestionRoom(doc(paragraph('We write in public')))
      const people = [room.join('ada', 1), room.join('bob', 2)]
      pressShiftEnter(people[0]!, 4)
      people[1]!.select(13)
      people[1]!.edit((state) => state.tr.insertText('all ', 13))
      room.send(people[first]!)
      room.send(people[1 - first]!)
      const accepted = decided(room, acceptSuggestion, 'ada-1')
      expect(accepted.textBetween(0, accepted.content.size, '', () => '|')).toBe('We |write in all public')
    }
  })
})
