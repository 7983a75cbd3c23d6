/**
 * Honest edits the server's suggestion check used to refuse with 4422, or let through with an
 * untracked change, found by random-sessions.test.ts and replayed here on fixed documents,
 * in-process: editors with fixed Yjs client ids, their updates delivered to the room's check
 * in a fixed order.
 */
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { decideAll } from '../support/editing-commands'
import { SuggestionRoom } from '../support/suggestion-room'
import { schema, type SuggestingEditor } from '../support/suggesting-editor'

const paragraph = (value = ''): JSONContent => ({ type: 'paragraph', ...(value ? { content: [{ type: 'text', text: value }] } : {}) })
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content })

/** One person's turn: they catch up with the room, edit, and send. */
function turn(room: SuggestionRoom, editor: SuggestingEditor, ...edits: Array<(editor: SuggestingEditor) => void>): void {
  room.receive(editor)
  for (const edit of edits) edit(editor)
  room.send(editor)
}

const select = (from: number, to = from) => (editor: SuggestingEditor) => editor.select(from, to)
const remove = (from: number, to: number) => (editor: SuggestingEditor) => {
  editor.select(from, to)
  editor.edit((state) => state.tr.delete(from, to))
}

describe('the suggestion check, regressions', () => {
  it('lets two people bold and italicise the same words at once, and both changes stay suggestions (one used to go untracked or be refused)', () => {
    for (const first of [0, 1]) {
      const original = doc(paragraph('We write'))
      const room = new SuggestionRoom(original)
      const people = [room.join('ada', 1), room.join('bob', 2)]
      const [ada, bob] = people as [SuggestingEditor, SuggestingEditor]
      ada.select(1, 3)
      ada.edit((state) => state.tr.addMark(1, 3, schema.marks.bold!.create()))
      bob.select(1, 3)
      bob.edit((state) => state.tr.addMark(1, 3, schema.marks.italic!.create()))
      room.send(people[first]!)
      room.send(people[1 - first]!)
      expect(decideAll(room.read(), 'reject').doc.eq(schema.nodeFromJSON(original))).toBe(true)
    }
  })

  it('lets someone type between two letters that someone else is proposing to delete at the same time', () => {
    const room = new SuggestionRoom(doc(paragraph('WX')))
    const ada = room.join('ada', 1)
    const bob = room.join('bob', 2)
    remove(1, 3)(ada)
    bob.select(2)
    bob.edit((state) => state.tr.insertText('a', 2))
    room.send(ada)
    // Bob's "a" lands inside Ada's proposed deletion; it is still Bob's text, and Ada's suggestion is unchanged.
    expect(() => room.send(bob)).not.toThrow()
  })

  it('accepts an honest rewrite that stores two people’s deletions of the same letter in the other order', () => {
    const quote = { type: 'blockquote', content: [paragraph('in public We write ')] }
    const room = new SuggestionRoom(doc(paragraph(), quote))
    const [ada, bob, cyd] = [room.join('ada', 1), room.join('bob', 2), room.join('cyd', 3)]
    // Cyd replaces "n " with "a"; Bob presses Enter in the first paragraph and deletes "in",
    // whose "n" Cyd is already deleting. y-prosemirror writes Bob's marks on "n" after Cyd's.
    turn(room, cyd, select(5, 7), (editor) => editor.edit((state) => state.tr.replaceWith(5, 7, schema.text('a'))))
    turn(room, bob, select(1), (editor) => editor.edit((state) => state.tr.split(1)), remove(6, 8))
    // Ada deletes a letter further on; her editor writes the paragraph's marks again, in its own order.
    expect(() => turn(room, ada, remove(11, 12))).not.toThrow()
  })

  it('lets someone withdraw their own paragraph break when Yjs merges the rejoined text into the letter before it', () => {
    const room = new SuggestionRoom(doc(paragraph('We write '), paragraph()))
    const ada = room.join('ada', 1)
    // Enter before "We", Enter after "W", then "a" typed over the first break: y-prosemirror
    // writes "W" again, as Ada's, and it is the last thing her client wrote.
    turn(
      room,
      ada,
      select(1),
      (editor) => editor.edit((state) => state.tr.split(1)),
      select(4),
      (editor) => editor.edit((state) => state.tr.split(4)),
      select(1, 3),
      (editor) => editor.edit((state) => state.tr.replaceWith(1, 3, schema.text('a'))),
    )
    // Backspace at the start of "e write ": the text goes back after "W", and Yjs merges it into the same item.
    expect(() => turn(room, ada, select(5), remove(3, 5))).not.toThrow()
  })
})
