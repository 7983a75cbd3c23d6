/**
 * Changing a block's type (¶, H1, H2, H3) in suggesting mode: the block takes its new type
 * and a `retype` stamp that remembers the old one. In-process, against the server's own
 * check (SuggestionRoom); decisions through the API are in decisions.test.ts, and the close
 * code a forged change gets from a real server is at the end.
 */
import type { JSONContent } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { Transform } from '@tiptap/pm/transform'
import { updateYFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { listSuggestions } from '../../model/schema/suggestion-list'
import { SUGGESTION_ATTRIBUTE } from '../../model/schema/suggestion-model'
import { CloseCode } from '../../model/protocol'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { SuggestionRuleError } from '../../server/suggestions/trial-document'
import { decideAll } from '../support/editing-commands'
import { next } from '../support/events'
import { setup, suggest } from '../support/review'
import { serverContent, serverState } from '../support/server-document'
import { contentOf, positionOf, schema as editSchema } from '../support/suggest-edit'
import { SuggestionRoom } from '../support/suggestion-room'
import { schema, type SuggestingEditor } from '../support/suggesting-editor'

const text = (value: string, marks: string[] = []): JSONContent => ({ type: 'text', text: value, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) })
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', ...(content.length ? { content } : {}) })
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content })
const ORIGINAL = doc(paragraph(text('We write')), paragraph(text('in public')))

const heading = (level: number) => ({ type: schema.nodes.heading!, attrs: { level } })
const plainParagraph = { type: schema.nodes.paragraph!, attrs: {} }

/** Presses a block-type button with the caret at `pos`, as the toolbar does (setBlockType). */
function retype(editor: SuggestingEditor, pos: number, to: { type: typeof schema.nodes.paragraph; attrs: Record<string, unknown> }): boolean {
  editor.select(pos)
  return editor.edit((state) => state.tr.setBlockType(pos, pos, to.type!, to.attrs))
}

/** Writes a change straight into the editor's Y.Doc, as a client that is not ours could. */
function writeDirectly(editor: SuggestingEditor, change: (tr: Transaction) => void): void {
  const tr = editor.state.tr
  change(tr)
  editor.ydoc.transact(() => updateYFragment(editor.ydoc, editor.ydoc.getXmlFragment(DOCUMENT_FRAGMENT), tr.doc, { mapping: new Map(), isOMark: new Map() }))
}

const stampOfFirst = (room: SuggestionRoom) => room.read().child(0).attrs[SUGGESTION_ATTRIBUTE] as Record<string, unknown> | null

describe('changing a block’s type as a suggestion', () => {
  it('turns a paragraph into a heading that the server lets through, stamped with the type it was', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    expect(retype(ada, 1, heading(2))).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    const first = room.read().child(0)
    expect(first.type.name).toBe('heading')
    expect(first.attrs.level).toBe(2)
    expect(first.attrs[SUGGESTION_ATTRIBUTE]).toEqual({ id: 'ada-1', author: 'ada', createdAt: expect.any(Number), change: 'retype', from: { type: 'paragraph', attrs: {} } })
    expect(listSuggestions(room.read())).toMatchObject([{ id: 'ada-1', kinds: ['retype'], retype: { from: 'paragraph', to: 'heading 2' } }])
  })

  it('keeps one suggestion, from the first type, when its author changes the heading level again', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    retype(ada, 1, heading(2))
    room.send(ada)
    retype(ada, 1, heading(3))
    expect(() => room.send(ada)).not.toThrow()
    expect(stampOfFirst(room)).toMatchObject({ id: 'ada-1', change: 'retype', from: { type: 'paragraph', attrs: {} } })
    expect(room.read().child(0).attrs.level).toBe(3)
  })

  it('withdraws the suggestion, leaving no stamp, when its author changes the block back', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    retype(ada, 1, heading(2))
    room.send(ada)
    retype(ada, 1, plainParagraph)
    expect(() => room.send(ada)).not.toThrow()
    expect(room.read().toJSON()).toEqual(schema.nodeFromJSON(ORIGINAL).toJSON())
  })

  it('gives back exactly the original when rejected, and keeps the heading when accepted', () => {
    const original = doc(paragraph(text('We '), text('write', ['bold'])), paragraph(text('in public')))
    const room = new SuggestionRoom(original)
    const ada = room.join('ada', 1)
    retype(ada, 1, heading(1))
    room.send(ada)
    expect(decideAll(room.read(), 'reject').doc.toJSON()).toEqual(schema.nodeFromJSON(original).toJSON())
    const accepted = decideAll(room.read(), 'accept').doc
    expect(accepted.child(0).toJSON()).toEqual({ type: 'heading', attrs: { level: 1, [SUGGESTION_ATTRIBUTE]: null }, content: original.content![0]!.content })
  })

  it('turns a heading back into a paragraph as a suggestion, which rejecting makes a heading again', () => {
    const original = doc({ type: 'heading', attrs: { level: 2 }, content: [text('Preamble')] }, paragraph(text('in public')))
    const room = new SuggestionRoom(original)
    const ada = room.join('ada', 1)
    expect(retype(ada, 1, plainParagraph)).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    expect(stampOfFirst(room)).toMatchObject({ change: 'retype', from: { type: 'heading', attrs: { level: 2 } } })
    expect(decideAll(room.read(), 'reject').doc.toJSON()).toEqual(schema.nodeFromJSON(original).toJSON())
  })

  it('changes the type of a paragraph its author split off, as part of that paragraph break', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    ada.select(4)
    ada.edit((state) => state.tr.split(4))
    expect(retype(ada, 6, heading(2))).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    expect(room.read().child(1).type.name).toBe('heading')
    expect(room.read().child(1).attrs[SUGGESTION_ATTRIBUTE]).toMatchObject({ change: 'split' })
    expect(decideAll(room.read(), 'reject').doc.toJSON()).toEqual(schema.nodeFromJSON(ORIGINAL).toJSON())
  })

  it('gives a retyped block back its old type when its author proposes joining it to the block before', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    retype(ada, 11, heading(2))
    room.send(ada)
    // Backspace at the start of the heading: a block holds one stamp, and the join makes the new type moot once accepted.
    ada.select(11)
    expect(ada.edit((state) => state.tr.delete(9, 11))).toBe(true)
    expect(() => room.send(ada)).not.toThrow()
    const second = room.read().child(1)
    expect(second.type.name).toBe('paragraph')
    expect(second.attrs[SUGGESTION_ATTRIBUTE]).toMatchObject({ change: 'join' })
    expect(decideAll(room.read(), 'reject').doc.toJSON()).toEqual(schema.nodeFromJSON(ORIGINAL).toJSON())
    expect(decideAll(room.read(), 'accept').doc.toJSON()).toEqual(schema.nodeFromJSON(doc(paragraph(text('We writein public')))).toJSON())
  })

  it('leaves a block someone else retyped alone', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const [ada, bob] = [room.join('ada', 1), room.join('bob', 2)]
    retype(bob, 1, heading(2))
    room.send(bob)
    room.receive(ada)
    expect(retype(ada, 1, heading(3))).toBe(false)
    expect(retype(ada, 1, plainParagraph)).toBe(false)
  })

  it('leaves out a change to or from a code block, which holds different content', () => {
    for (const content of [paragraph(text('We write')), { type: 'codeBlock', content: [text('let x = 1')] }]) {
      const room = new SuggestionRoom(doc(content))
      const ada = room.join('ada', 1)
      const before = ada.state.doc
      const to = content.type === 'codeBlock' ? plainParagraph : { type: schema.nodes.codeBlock!, attrs: {} }
      expect(retype(ada, 1, to)).toBe(false)
      expect(ada.state.doc.eq(before)).toBe(true)
    }
  })
})

describe('the server’s check of changes of block type', () => {
  it('refuses a heading stamped as if it had always been one (a forged `from`)', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    writeDirectly(ada, (tr) =>
      tr.setNodeMarkup(0, schema.nodes.heading, {
        level: 1,
        [SUGGESTION_ATTRIBUTE]: { id: 'ada-1', author: 'ada', createdAt: 1, change: 'retype', from: { type: 'heading', attrs: { level: 1 } } },
      }),
    )
    expect(() => room.send(ada)).toThrow(SuggestionRuleError)
  })

  it('refuses a retype stamp added to a block whose type did not change', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const ada = room.join('ada', 1)
    writeDirectly(ada, (tr) =>
      tr.setNodeAttribute(0, SUGGESTION_ATTRIBUTE, { id: 'ada-1', author: 'ada', createdAt: 1, change: 'retype', from: { type: 'heading', attrs: { level: 2 } } }),
    )
    expect(() => room.send(ada)).toThrow(SuggestionRuleError)
  })

  for (const { what, change } of [
    { what: 'removing its stamp (accepting it)', change: (tr: Transaction) => tr.setNodeAttribute(0, SUGGESTION_ATTRIBUTE, null) },
    { what: 'changing the level it proposes', change: (tr: Transaction) => tr.setNodeAttribute(0, 'level', 3) },
    { what: 'changing it back and removing its stamp (rejecting it)', change: (tr: Transaction) => tr.setNodeMarkup(0, schema.nodes.paragraph, { [SUGGESTION_ATTRIBUTE]: null }) },
  ]) {
    it(`refuses a contributor ${what} on someone else’s change of block type`, () => {
      const room = new SuggestionRoom(ORIGINAL)
      const [ada, bob] = [room.join('ada', 1), room.join('bob', 2)]
      retype(bob, 1, heading(2))
      room.send(bob)
      room.receive(ada)
      writeDirectly(ada, change)
      expect(() => room.send(ada)).toThrow(SuggestionRuleError)
    })
  }

  it('refuses a contributor changing the type of a paragraph someone else split off', () => {
    const room = new SuggestionRoom(ORIGINAL)
    const [ada, bob] = [room.join('ada', 1), room.join('bob', 2)]
    bob.select(4)
    bob.edit((state) => state.tr.split(4))
    room.send(bob)
    room.receive(ada)
    writeDirectly(ada, (tr) => tr.setNodeMarkup(5, schema.nodes.heading, { level: 2, [SUGGESTION_ATTRIBUTE]: tr.doc.child(1).attrs[SUGGESTION_ATTRIBUTE] }))
    expect(() => room.send(ada)).toThrow(SuggestionRuleError)
  })

  it('closes a real connection with 4422 on a forged `from`, and leaves the document byte-identical', async () => {
    const { server, carla, contributor } = await setup()
    await contributor.allSaved()
    const before = await serverState(server, MANIFESTO_ID)
    const closed = next<[{ code: number }]>(contributor.provider, 'closed')
    const content = contentOf(contributor.doc)
    const at = content.resolve(positionOf(content, 'We think')).before()
    const stamp = { id: 'forged', author: carla.user.id, createdAt: 1, change: 'retype', from: { type: 'heading', attrs: { level: 2 } } }
    const made = new Transform(content).setNodeMarkup(at, editSchema.nodes.heading, { level: 2, [SUGGESTION_ATTRIBUTE]: stamp })
    contributor.doc.transact(() =>
      updateYFragment(contributor.doc, contributor.doc.getXmlFragment(DOCUMENT_FRAGMENT), made.doc, { mapping: new Map(), isOMark: new Map() }),
    )
    expect((await closed)[0].code).toBe(CloseCode.suggestOnly)
    expect((await serverState(server, MANIFESTO_ID)).equals(before)).toBe(true)
  })

  it('passes an honest change of block type from a real contributor connection', async () => {
    const context = await setup()
    const closes: number[] = []
    context.contributor.provider.on('connection-close', (event: { code: number } | null) => event && closes.push(event.code))
    const id = await suggest(context, (tr, find) => tr.setBlockType(find('We think'), find('We think'), editSchema.nodes.heading!, { level: 2 }))
    const stored = await serverContent(context.server, MANIFESTO_ID)
    expect(closes).toEqual([])
    expect(listSuggestions(stored).find((suggestion) => suggestion.id === id)).toMatchObject({ kinds: ['retype'], retype: { from: 'paragraph', to: 'heading 2' } })
  })
})
