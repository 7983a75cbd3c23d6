/**
 * The parts of "Show authors" around the walk: how authors are named, credited and shared
 * out, when the index is fetched again, and how the tints survive edits between two
 * computations.
 */
import { getSchema } from '@tiptap/core'
import { EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { describe, expect, it } from 'vitest'
import { passageAt } from '../../editor/attribution/author-decorations'
import { authorOf, creditLine, passageDescription, passageLabel, STARTER_TEXT, timeFormat } from '../../editor/attribution/author-labels'
import { shareOfText } from '../../editor/attribution/author-shares'
import { authorTintsKey, authorTintsPlugin } from '../../editor/attribution/author-tints'
import type { AuthoredRange } from '../../editor/attribution/authored-ranges'
import { hasUnrequested } from '../../editor/attribution/index-coverage'
import type { PublicUser } from '../../editor/http/users'
import { documentExtensions } from '../../model/schema/extensions'

const schema = getSchema(documentExtensions())
const people = new Map<string, PublicUser>([
  ['a', { id: 'a', username: 'ada', displayName: 'Ada Lovelace', color: '#b4432c' }],
  ['b', { id: 'b', username: 'ben', displayName: 'Ben', color: 'red; background: url(x)' }],
])
const names: Record<string, string> = { a: 'Ada', b: 'Ben', c: 'Cy', d: 'Dee', e: 'Eve' }
const nameOf = (person: string) => names[person]!

describe('author labels', () => {
  const format = timeFormat('en-GB')
  const ada = authorOf('a', people)
  const written = { time: Date.UTC(2026, 10, 21, 14, 3), pending: false }

  it('names a passage’s writer and time, and the starter text by what it is', () => {
    const local = format.format(written.time)
    expect(passageLabel(ada, written, format)).toBe(`Ada Lovelace · ${local}`)
    expect(passageDescription(ada, written, format)).toBe(`Written by Ada Lovelace, ${local}`)
    expect(passageLabel(ada, { ...written, pending: true }, format)).toBe('Ada Lovelace · just now')
    expect(passageLabel(authorOf(null, people), written, format)).toBe(STARTER_TEXT)
    expect(local).toMatch(/^21 Nov 2026, \d\d:03$/)
  })

  it('never lets a colour that is not #rrggbb into a style attribute', () => {
    expect(ada.color).toBe('#b4432c')
    expect(authorOf('b', people).color).toMatch(/^#[\da-f]{6}$/)
    expect(authorOf('nobody', people)).toMatchObject({ name: 'Unknown person' })
  })

  it('credits a section by its writers, most first, naming at most three', () => {
    const credits = (...people: Array<string | null>) => people.map((person, index) => ({ person, characters: 100 - index }))
    expect(creditLine(credits('a'), nameOf)).toBe('Written by Ada')
    expect(creditLine(credits('a', 'b'), nameOf)).toBe('Written by Ada and Ben')
    expect(creditLine(credits('a', 'b', 'c'), nameOf)).toBe('Written by Ada, Ben and Cy')
    expect(creditLine(credits('a', 'b', 'c', 'd'), nameOf)).toBe('Written by Ada, Ben and 2 others')
    expect(creditLine(credits(null, 'a', 'b'), nameOf)).toBe('Written by Ada and Ben, with starter text')
    expect(creditLine(credits(null), nameOf)).toBe('Starter text')
    expect(creditLine([], nameOf)).toBe('')
  })
})

describe('shares of the text', () => {
  it('gives each writer their share of all characters, most first, hard breaks included', () => {
    const range = (from: number, to: number, person: string | null, leaf = false): AuthoredRange => ({ from, to, person, time: 0, pending: false, leaf })
    expect(shareOfText([range(0, 10, 'a'), range(10, 11, 'b', true), range(11, 40, 'b'), range(40, 50, null)])).toEqual([
      { person: 'b', characters: 30, share: 0.6 },
      { person: 'a', characters: 10, share: 0.2 },
      { person: null, characters: 10, share: 0.2 },
    ])
  })
})

describe('fetching the index again', () => {
  it('asks again only for clocks beyond what was already asked about', () => {
    const requested = new Map([[1, 50]])
    expect(hasUnrequested(new Map([[1, 50]]), requested)).toBe(false)
    expect(hasUnrequested(new Map([[1, 51]]), requested)).toBe(true)
    expect(hasUnrequested(new Map([[2, 1]]), requested)).toBe(true)
    expect(hasUnrequested(new Map(), requested)).toBe(false)
  })
})

describe('the tints between two computations', () => {
  const doc = schema.node('doc', null, [
    schema.node('paragraph', null, [schema.text('Ada wrote this.')]),
    schema.node('paragraph', null, [schema.text('Ben wrote that.')]),
  ])
  const passage = (name: string) => ({ person: name, label: name })
  const tinted = () => {
    const state = EditorState.create({ doc, plugins: [authorTintsPlugin()] })
    const decorations = DecorationSet.create(doc, [Decoration.inline(1, 16, {}, passage('ada')), Decoration.inline(18, 33, {}, passage('ben'))])
    return state.apply(state.tr.setMeta(authorTintsKey, decorations))
  }
  const spans = (state: EditorState) =>
    authorTintsKey
      .getState(state)!
      .find()
      .map((decoration) => state.doc.textBetween(decoration.from, decoration.to))

  it('keep their passages when a remote change replaces the whole document, as y-prosemirror does', () => {
    const state = tinted()
    // What y-prosemirror dispatches for a remote keystroke in the second paragraph.
    const remote = state.doc.copy(
      state.doc.content.replaceChild(1, schema.node('paragraph', null, [schema.text('Ben wrote all that.')])),
    )
    const next = state.apply(state.tr.replaceWith(0, state.doc.content.size, remote.content))
    expect(next.doc.textContent).toBe('Ada wrote this.Ben wrote all that.')
    expect(spans(next)).toEqual(['Ada wrote this.', 'Ben wrote all that.'])
  })

  it('follow local typing, and tell the caret whose passage it is in', () => {
    const state = tinted()
    const next = state.apply(state.tr.insertText('Yes, ', 1))
    expect(spans(next)).toEqual(['Ada wrote this.', 'Ben wrote that.'])
    const decorations = authorTintsKey.getState(next)!
    expect(passageAt(decorations, 9)?.label).toBe('ada')
    // Right after a passage: the text the caret would extend.
    expect(passageAt(decorations, 21)?.label).toBe('ada')
    expect(passageAt(decorations, 23)?.label).toBe('ben')
  })
})
