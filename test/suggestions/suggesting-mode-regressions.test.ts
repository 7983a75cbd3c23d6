/**
 * Bugs in suggesting mode and in deciding on suggestions, found by random-sessions.test.ts,
 * each replayed here on a fixed document, in-process.
 */
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { suggestionIds } from '../../model/schema/decide-suggestion'
import { decideAll } from '../support/editing-commands'
import { SuggestionRoom } from '../support/suggestion-room'
import { schema } from '../support/suggesting-editor'

const text = (value: string, marks: string[] = []): JSONContent => ({ type: 'text', text: value, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) })
const paragraph = (value = ''): JSONContent => ({ type: 'paragraph', ...(value ? { content: [text(value)] } : {}) })
const list = (...items: JSONContent[]): JSONContent => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [item] })) })
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content })

describe('suggesting mode, regressions', () => {
  it('deleting across your own proposed paragraph break withdraws the break (it used to stay, and accepting kept two paragraphs)', () => {
    const room = new SuggestionRoom(doc(paragraph('ab cd')))
    const ada = room.join('ada', 1)
    ada.select(3)
    ada.edit((state) => state.tr.split(3))
    // "ab¶ cd", the break a character of the text: from after "a" to after the space, across the break.
    ada.select(2, 5)
    ada.edit((state) => state.tr.delete(2, 5))
    room.send(ada)
    expect(ada.state.doc.childCount).toBe(1)
    expect(decideAll(room.read(), 'accept').doc.eq(schema.nodeFromJSON(doc(paragraph('acd'))))).toBe(true)
    expect(decideAll(room.read(), 'reject').doc.eq(schema.nodeFromJSON(doc(paragraph('ab cd'))))).toBe(true)
  })

  it('accepting a deletion that an accepted insertion splits in two joins the lists on either side into one (it used to leave two lists)', () => {
    const room = new SuggestionRoom(doc(list(paragraph('x')), paragraph('mid'), list(paragraph('y'), paragraph('z'))))
    const ada = room.join('ada', 1)
    // From after "x" to before "y": "mid" struck through, its paragraph and the second list proposed for joining.
    ada.select(4, 15)
    ada.edit((state) => state.tr.delete(4, 15))
    // Then "a" typed after the struck "mid": the same suggestion, between its two deleted stretches.
    ada.select(11)
    ada.edit((state) => state.tr.insertText('a', 11))
    room.send(ada)
    const accepted = decideAll(room.read(), 'accept').doc
    expect(accepted.eq(schema.nodeFromJSON(doc(list(paragraph('xay'), paragraph('z')))))).toBe(true)
  })

  it('accepting a join of a quote that gained a paragraph meanwhile leaves no suggestion behind (the quote used to keep its stamp)', () => {
    const heading = { type: 'heading', attrs: { level: 1 } }
    const room = new SuggestionRoom(doc(heading, { type: 'blockquote', content: [paragraph()] }, paragraph(), paragraph()))
    const ada = room.join('ada', 1)
    // Typing over everything from the heading to the paragraph after the quote: the quote, its
    // paragraph and the next paragraph proposed for joining to the heading.
    ada.select(1, 7)
    ada.edit((state) => state.tr.replaceWith(1, 7, schema.text('a')))
    // Enter inside the quote: a paragraph the join cannot carry along.
    ada.select(4)
    ada.edit((state) => state.tr.split(4))
    room.send(ada)
    const accepted = decideAll(room.read(), 'accept').doc
    expect(suggestionIds(accepted)).toEqual([])
  })

  it('typing over a selection from a code block into a list is refused rather than suggested as taking the list’s text out', () => {
    const original = doc({ type: 'codeBlock' }, paragraph(), { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('We write ', ['italic'])] }] }] })
    const room = new SuggestionRoom(original)
    const ada = room.join('ada', 1)
    // From inside the code block to the start of the list item's text.
    ada.select(1, 7)
    const suggested = ada.edit((state) => state.tr.replaceWith(1, 7, schema.text('a')), { partial: true })
    expect(suggested).toBe(false)
    room.send(ada)
    expect(decideAll(room.read(), 'reject').doc.eq(schema.nodeFromJSON(original))).toBe(true)
  })
})
