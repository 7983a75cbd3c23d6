/**
 * Putting paragraphs in a list or a quote in suggesting mode: the new wrappers stay in the
 * document, stamped `wrap`, and the accepted text reads through them. In-process, against the
 * server's own check (SuggestionRoom); the close code a forged change gets from a real server
 * is at the end.
 */
import type { JSONContent } from '@tiptap/core'
import { joinTextblockBackward, lift, wrapIn } from '@tiptap/pm/commands'
import { liftListItem, sinkListItem, wrapInList } from '@tiptap/pm/schema-list'
import type { Command, Transaction } from '@tiptap/pm/state'
import { Transform } from '@tiptap/pm/transform'
import { updateYFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { rejectSuggestion, suggestionIds } from '../../model/schema/decide-suggestion'
import { listSuggestions } from '../../model/schema/suggestion-list'
import { PARAGRAPH_BREAK, SUGGESTION_ATTRIBUTE } from '../../model/schema/suggestion-model'
import { CloseCode } from '../../model/protocol'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { SuggestionRuleError } from '../../server/suggestions/trial-document'
import { decideAll } from '../support/editing-commands'
import { next } from '../support/events'
import { joinAsContributor, setup, suggest } from '../support/review'
import { serverContent, serverState } from '../support/server-document'
import { contentOf, schema as editSchema } from '../support/suggest-edit'
import { SuggestionRoom } from '../support/suggestion-room'
import { schema, type SuggestingEditor } from '../support/suggesting-editor'

const text = (value: string): JSONContent => ({ type: 'text', text: value })
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] })
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content })
const ORIGINAL = doc(paragraph('We write'), paragraph('in public'), paragraph('together'))
const original = () => schema.nodeFromJSON(ORIGINAL).toJSON()
const item = (value: string): JSONContent => ({ type: 'listItem', content: [paragraph(value)] })
/** A quote (its paragraph at 2) and a list of two items (at 16 and 23), all accepted. */
const ACCEPTED_WRAPPERS = doc({ type: 'blockquote', content: [paragraph('We write')] }, { type: 'bulletList', content: [item('in'), item('public')] })

const bulletList: Command = (state, dispatch) => wrapInList(schema.nodes.bulletList!)(state, dispatch)
const quote: Command = (state, dispatch) => wrapIn(schema.nodes.blockquote!)(state, dispatch)
const liftItem: Command = (state, dispatch) => liftListItem(schema.nodes.listItem!)(state, dispatch)
const sinkItem: Command = (state, dispatch) => sinkListItem(schema.nodes.listItem!)(state, dispatch)

/** Runs `command` with `from`–`to` selected, as a toolbar button does. */
function press(editor: SuggestingEditor, command: Command, from: number, to = from): boolean {
  editor.select(from, to)
  return editor.edit((state) => {
    let made: Transaction | null = null
    command(state, (tr) => (made = tr))
    return made
  })
}

/** Writes a change straight into the editor's Y.Doc, as a client that is not ours could. */
function writeDirectly(editor: SuggestingEditor, change: (tr: Transaction) => void): void {
  const tr = editor.state.tr
  change(tr)
  editor.ydoc.transact(() => updateYFragment(editor.ydoc, editor.ydoc.getXmlFragment(DOCUMENT_FRAGMENT), tr.doc, { mapping: new Map(), isOMark: new Map() }))
}

const stamps = (room: SuggestionRoom) => {
  const found: Array<{ type: string; change: unknown }> = []
  room.read().descendants((node) => {
    const suggestion = node.attrs[SUGGESTION_ATTRIBUTE] as { change: string } | null | undefined
    if (suggestion) found.push({ type: node.type.name, change: suggestion.change })
  })
  return found
}

describe('putting paragraphs in a list or a quote as a suggestion', () => {
  it('wraps two paragraphs in a bulleted list that the server lets through, the list and each item stamped', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    expect(press(ada, bulletList, 2, 14)).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    const list = room.read().child(0)
    expect(list.type.name).toBe('bulletList')
    expect(list.childCount).toBe(2)
    expect(stamps(room)).toEqual([
      { type: 'bulletList', change: 'wrap' },
      { type: 'listItem', change: 'wrap' },
      { type: 'listItem', change: 'wrap' },
    ])
    expect(list.attrs[SUGGESTION_ATTRIBUTE]).toEqual({ id: 'ada-1', author: 'ada', createdAt: expect.any(Number), change: 'wrap' })
    expect(listSuggestions(room.read())).toMatchObject([{ id: 'ada-1', kinds: ['wrap'], wrap: 'bulleted list', inserted: '', deleted: '' }])
  })

  it('wraps a paragraph in a quote that the server lets through', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    expect(press(ada, quote, 12)).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    expect(room.read().child(1).type.name).toBe('blockquote')
    expect(stamps(room)).toEqual([{ type: 'blockquote', change: 'wrap' }])
    expect(listSuggestions(room.read())).toMatchObject([{ kinds: ['wrap'], wrap: 'quote' }])
  })

  for (const { what, command, from, to } of [
    { what: 'bulleted list', command: bulletList, from: 2, to: 14 },
    { what: 'quote', command: quote, from: 12, to: 12 },
  ]) {
    it(`keeps the ${what} when accepted, and gives back exactly the original when rejected`, () => {
      const room = new SuggestionRoom(ORIGINAL)
      const ada = room.join('ada', 1)
      press(ada, command, from, to)
      room.send(ada)
      expect(decideAll(room.read(), 'reject').doc.toJSON()).toEqual(original())
      const accepted = decideAll(room.read(), 'accept').doc
      expect(accepted.toJSON()).toEqual(room.read().type.schema.nodeFromJSON(withoutStamps(room.read().toJSON())).toJSON())
      expect(accepted.textContent).toBe(room.read().textContent)
    })
  }

  it('withdraws a bulleted list when its author lifts a paragraph out of it again, leaving no stamp', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    press(ada, bulletList, 2, 14)
    room.send(ada)
    expect(press(ada, liftItem, 4)).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    expect(room.read().toJSON()).toEqual(original())
  })

  it('withdraws a quote when its author lifts it off again', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    press(ada, quote, 12)
    room.send(ada)
    expect(press(ada, lift, 13)).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    expect(room.read().toJSON()).toEqual(original())
  })

  it('lets its author press Enter in a proposed list: the break splits the item when accepted, and stays when the list is rejected', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    press(ada, bulletList, 2)
    room.send(ada)
    ada.select(5)
    expect(ada.edit((state) => state.tr.split(5, 2, [{ type: schema.nodes.listItem! }, { type: schema.nodes.paragraph! }]))).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    // With words after the caret, the break is a character of the item's text: nothing moved.
    expect(room.read().child(0).childCount).toBe(1)
    expect(room.read().child(0).textContent).toContain(PARAGRAPH_BREAK)
    const tr = new Transform(room.read())
    rejectSuggestion(tr, 'ada-1')
    expect(tr.doc.childCount).toBe(3)
    expect(tr.doc.textContent).toContain(PARAGRAPH_BREAK)
    expect(decideAll(room.read(), 'accept').doc.child(0).childCount).toBe(2)
    expect(decideAll(room.read(), 'reject').doc.toJSON()).toEqual(original())
  })

  it('leaves out a deletion from inside a proposed list to outside it', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    press(ada, bulletList, 2)
    const before = ada.state.doc
    ada.select(5, 17)
    expect(ada.edit((state) => state.tr.delete(5, 17))).toBe(false)
    expect(ada.state.doc.eq(before)).toBe(true)
  })

  // Regression (found by the property test): the check for a proposed join after the wrapped blocks
  // looked only at their next sibling, not past the end of the quote around them.
  it('leaves out wrapping a paragraph in a quote when the next quote is proposed to join it', () => {
    const room = new SuggestionRoom(doc({ type: 'blockquote', content: [paragraph('We write')] }, { type: 'blockquote', content: [paragraph('in public')] }, paragraph('together')))
    const ada = room.join('ada', 1)
    expect(press(ada, (state, dispatch) => joinTextblockBackward(state, dispatch), 13)).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    const before = ada.state.doc
    expect(press(ada, bulletList, 2)).toBe(false)
    expect(ada.state.doc.eq(before)).toBe(true)
  })

  it('still leaves out indenting a list item', () => {
    const room = new SuggestionRoom(ACCEPTED_WRAPPERS)
    const ada = room.join('ada', 1)
    expect(press(ada, sinkItem, 23)).toBe(false)
  })

  it('rejecting one person’s list leaves the paragraphs someone else suggested text in, with that text', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const [ada, bob] = [room.join('ada', 1), room.join('bob', 2)]
    press(ada, bulletList, 2, 14)
    room.send(ada)
    room.receive(bob)
    bob.select(5)
    expect(bob.edit((state) => state.tr.insertText('!', 5))).toBe(true)
    expect(() => room.send(bob)).not.toThrow()
    const tr = new Transform(room.read())
    rejectSuggestion(tr, 'ada-1')
    expect(tr.doc.child(0).type.name).toBe('paragraph')
    expect(tr.doc.textContent).toContain('!')
    expect(decideAll(room.read(), 'reject').doc.toJSON()).toEqual(original())
  })
})

describe('taking paragraphs out of an accepted list or quote as a suggestion', () => {
  for (const { what, command, at, index, types } of [
    { what: 'quote', command: lift, at: 3, index: 0, types: ['paragraph', 'bulletList'] },
    { what: 'bulleted list', command: liftItem, at: 16, index: 1, types: ['blockquote', 'paragraph', 'paragraph'] },
  ]) {
    it(`stamps the whole ${what} unwrap, which the server lets through; rejecting gives back the original, accepting takes it away`, () => {
      const room = new SuggestionRoom(ACCEPTED_WRAPPERS)
      const ada = room.join('ada', 1)
      expect(press(ada, command, at)).toBe(true)
      expect(() => room.send(ada)).not.toThrow()
      expect(room.read().child(index).attrs[SUGGESTION_ATTRIBUTE]).toMatchObject({ id: 'ada-1', author: 'ada', change: 'unwrap' })
      expect(listSuggestions(room.read())).toMatchObject([{ id: 'ada-1', kinds: ['unwrap'], unwrap: what }])
      expect(decideAll(room.read(), 'reject').doc.toJSON()).toEqual(schema.nodeFromJSON(ACCEPTED_WRAPPERS).toJSON())
      const accepted = decideAll(room.read(), 'accept').doc
      expect(accepted.textContent).toBe('We writeinpublic')
      expect(Array.from({ length: accepted.childCount }, (_, child) => accepted.child(child).type.name)).toEqual(types)
      expect(suggestionIds(accepted)).toEqual([])
    })
  }

  it('refuses a contributor removing someone else’s unwrap stamp', () => {
    const room = new SuggestionRoom(ACCEPTED_WRAPPERS)
    const [ada, bob] = [room.join('ada', 1), room.join('bob', 2)]
    press(bob, lift, 3)
    room.send(bob)
    room.receive(ada)
    writeDirectly(ada, (tr) => tr.setNodeAttribute(0, SUGGESTION_ATTRIBUTE, null))
    expect(() => room.send(ada)).toThrow(SuggestionRuleError)
  })

  it('refuses a real lift out of a quote without a stamp', () => {
    const room = new SuggestionRoom(ACCEPTED_WRAPPERS)
    const ada = room.join('ada', 1)
    writeDirectly(ada, (tr) => tr.lift(tr.doc.resolve(3).blockRange()!, 0))
    expect(() => room.send(ada)).toThrow(SuggestionRuleError)
  })
})

describe('the server’s check of proposed lists and quotes', () => {
  it('refuses a real list without a stamp', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    writeDirectly(ada, (tr) => tr.wrap(tr.doc.resolve(1).blockRange()!, [{ type: schema.nodes.bulletList! }, { type: schema.nodes.listItem! }]))
    expect(() => room.send(ada)).toThrow(SuggestionRuleError)
  })

  it('refuses a contributor removing someone else’s wrap stamp (accepting it)', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const [ada, bob] = [room.join('ada', 1), room.join('bob', 2)]
    press(bob, quote, 12)
    room.send(bob)
    room.receive(ada)
    writeDirectly(ada, (tr) => tr.setNodeAttribute(10, SUGGESTION_ATTRIBUTE, null))
    expect(() => room.send(ada)).toThrow(SuggestionRuleError)
  })

  it('refuses a contributor taking away someone else’s proposed quote (rejecting it)', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const [ada, bob] = [room.join('ada', 1), room.join('bob', 2)]
    press(bob, quote, 12)
    room.send(bob)
    room.receive(ada)
    writeDirectly(ada, (tr) => rejectSuggestion(tr, 'bob-1'))
    expect(() => room.send(ada)).toThrow(SuggestionRuleError)
  })

  it('closes a real connection with 4422 on a list without a stamp, and leaves the document byte-identical', async () => {
    const { server, contributor } = await setup()
    await contributor.allSaved()
    const before = await serverState(server, MANIFESTO_ID)
    const closed = next<[{ code: number }]>(contributor.provider, 'closed')
    const content = contentOf(contributor.doc)
    const made = new Transform(content)
    const at = firstParagraph(content)
    made.wrap(content.resolve(at + 1).blockRange()!, [{ type: editSchema.nodes.bulletList! }, { type: editSchema.nodes.listItem! }])
    writeTo(contributor.doc, made.doc)
    expect((await closed)[0].code).toBe(CloseCode.suggestOnly)
    expect((await serverState(server, MANIFESTO_ID)).equals(before)).toBe(true)
  })

  it('passes an honest quote from a real contributor, and closes with 4422 another contributor removing its stamp', async () => {
    const context = await setup()
    const closes: number[] = []
    context.contributor.provider.on('connection-close', (event: { code: number } | null) => event && closes.push(event.code))
    const id = await suggest(context, (tr, find) => tr.wrap(tr.doc.resolve(find('We think')).blockRange()!, [{ type: editSchema.nodes.blockquote! }]))
    expect(closes).toEqual([])
    const stored = await serverContent(context.server, MANIFESTO_ID)
    expect(listSuggestions(stored).find((suggestion) => suggestion.id === id)).toMatchObject({ kinds: ['wrap'], wrap: 'quote' })
    const dan = await joinAsContributor(context.server, 'dan')
    await dan.client.allSaved()
    const before = await serverState(context.server, MANIFESTO_ID)
    const closed = next<[{ code: number }]>(dan.client.provider, 'closed')
    const content = contentOf(dan.client.doc)
    const made = new Transform(content)
    content.descendants((node, pos) => {
      if ((node.attrs[SUGGESTION_ATTRIBUTE] as { id?: string } | null)?.id === id) made.setNodeAttribute(pos, SUGGESTION_ATTRIBUTE, null)
    })
    writeTo(dan.client.doc, made.doc)
    expect((await closed)[0].code).toBe(CloseCode.suggestOnly)
    expect((await serverState(context.server, MANIFESTO_ID)).equals(before)).toBe(true)
  })
})

function firstParagraph(content: ReturnType<typeof contentOf>): number {
  let found = -1
  content.forEach((node, offset) => {
    if (found < 0 && node.type.name === 'paragraph' && node.textContent) found = offset
  })
  return found
}

function writeTo(ydoc: Parameters<typeof contentOf>[0], content: ReturnType<typeof contentOf>): void {
  ydoc.transact(() => updateYFragment(ydoc, ydoc.getXmlFragment(DOCUMENT_FRAGMENT), content, { mapping: new Map(), isOMark: new Map() }))
}

function withoutStamps(json: JSONContent): JSONContent {
  const attrs = json.attrs && SUGGESTION_ATTRIBUTE in json.attrs ? { ...json.attrs, [SUGGESTION_ATTRIBUTE]: null } : json.attrs
  return { ...json, ...(attrs ? { attrs } : {}), ...(json.content ? { content: json.content.map(withoutStamps) } : {}) }
}
