/**
 * The editor's own attribution walk: Yjs items to ProseMirror positions, positions to
 * authors, authors to tints and section credits. Two people edit a shared Y.Doc the way
 * the editor does (through y-prosemirror's updateYFragment), and the tints must land on
 * exactly their characters.
 */
import { getSchema } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { DecorationSet } from '@tiptap/pm/view'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { authorDecorations, type Passage } from '../../editor/attribution/author-decorations'
import { authorOf, timeFormat } from '../../editor/attribution/author-labels'
import { attributeSpans, type AuthoredRange } from '../../editor/attribution/authored-ranges'
import { updateDecorations } from '../../editor/attribution/decoration-updates'
import { creditSections } from '../../editor/attribution/section-credits'
import { readWrittenText } from '../../editor/attribution/written-spans'
import type { AttributionIndex, AttributionRun } from '../../editor/http/attribution'
import type { PublicUser } from '../../editor/http/users'
import { DOCUMENT_FRAGMENT, documentExtensions } from '../../model/schema/extensions'

const schema = getSchema(documentExtensions())
const ADA = 'user-ada'
const BEN = 'user-ben'
const ADA_TIME = Date.UTC(2026, 10, 21, 14, 3)
const BEN_TIME = Date.UTC(2026, 10, 21, 15, 30)
const people = new Map<string, PublicUser>([
  [ADA, { id: ADA, username: 'ada', displayName: 'Ada Lovelace', color: '#b4432c' }],
  [BEN, { id: BEN, username: 'ben', displayName: 'Ben Okri', color: '#1f6f8b' }],
])

/** Two people, each with a Y.Doc of their own, kept in sync, and the index the server would keep of them. */
class Writers {
  readonly docs = { [ADA]: this.#newDoc(1), [BEN]: this.#newDoc(2) }
  readonly #runs = new Map<number, AttributionRun[]>()

  #newDoc(client: number): Y.Doc {
    const doc = new Y.Doc()
    doc.clientID = client
    return doc
  }

  /** `person` edits the document as the editor would: a ProseMirror change written to Yjs by y-prosemirror. */
  edit(person: typeof ADA | typeof BEN, time: number, change: (tr: Transaction) => void): void {
    const doc = this.docs[person]
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
    const before = Y.getState(doc.store, doc.clientID)
    const tr = EditorState.create({ doc: this.view(person) }).tr
    change(tr)
    doc.transact(() => updateYFragment(doc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() }))
    const after = Y.getState(doc.store, doc.clientID)
    if (after > before) this.#runs.set(doc.clientID, [...(this.#runs.get(doc.clientID) ?? []), { start: before, end: after, person, time }])
    for (const other of Object.values(this.docs)) if (other !== doc) Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  }

  /** The document as ProseMirror shows it to `person`. */
  view(person: typeof ADA | typeof BEN): ProseMirrorNode {
    return yXmlFragmentToProseMirrorRootNode(this.docs[person].getXmlFragment(DOCUMENT_FRAGMENT), schema)
  }

  /** The index as a fetch would return it now: a copy, unchanged by later edits. */
  index(): AttributionIndex {
    return { people, clients: new Map([...this.#runs].map(([client, runs]) => [client, [...runs]])) }
  }
}

const paragraph = (text: string) => schema.node('paragraph', null, text ? [schema.text(text)] : [])
const heading = (text: string) => schema.node('heading', { level: 2 }, [schema.text(text)])

/** Every tint as [its text, its author's id], in document order. */
function tints(doc: ProseMirrorNode, decorations: DecorationSet): Array<[string, string | null]> {
  return decorations
    .find()
    .filter((decoration) => decoration.from < decoration.to)
    .sort((a, b) => a.from - b.from)
    .map((decoration) => [doc.textBetween(decoration.from, decoration.to, '', '⏎'), (decoration.spec as Passage).person])
}

function attribute(writers: Writers, reader: typeof ADA | typeof BEN, self = { client: 99, person: null as string | null }) {
  const doc = writers.view(reader)
  const written = readWrittenText(writers.docs[reader].getXmlFragment(DOCUMENT_FRAGMENT), doc)
  if (!written) throw new Error('the walk found the trees out of step')
  const { ranges, uncovered } = attributeSpans(written.spans, writers.index(), self, Date.UTC(2026, 10, 22))
  const sections = creditSections(ranges, written.headings)
  const list = authorDecorations(ranges, sections, {
    focusable: false,
    format: timeFormat('en-GB'),
    authorOf: (person) => authorOf(person, people),
  })
  return { doc, ranges, uncovered, sections, list, decorations: DecorationSet.create(doc, [...list]) }
}

describe('the attribution walk', () => {
  it('tints each person’s words with their own colour when two people write in one paragraph', () => {
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) => tr.replaceWith(0, tr.doc.content.size, paragraph('Hello world')))
    // Ben types into the middle of Ada's sentence.
    writers.edit(BEN, BEN_TIME, (tr) => tr.insertText('brave ', 7))

    const { doc, decorations, uncovered } = attribute(writers, ADA)
    expect(doc.textContent).toBe('Hello brave world')
    expect(tints(doc, decorations)).toEqual([
      ['Hello ', ADA],
      ['brave ', BEN],
      ['world', ADA],
    ])
    expect(uncovered.size).toBe(0)
  })

  it('keeps a passage whole across formatting marks, and gives text typed inside a mark to whoever typed it', () => {
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) => tr.replaceWith(0, tr.doc.content.size, paragraph('Hello world')))
    // Ben makes "world" bold (formatting items of his own around Ada's text), then types in the bold.
    writers.edit(BEN, BEN_TIME, (tr) => tr.addMark(7, 12, schema.marks.bold!.create()).insertText(' again', 12))

    const { doc, decorations } = attribute(writers, ADA)
    expect(doc.child(0).child(1).marks.map((mark) => mark.type.name)).toEqual(['bold'])
    expect(doc.child(0).child(1).text).toBe('world again')
    expect(tints(doc, decorations)).toEqual([
      ['Hello world', ADA],
      [' again', BEN],
    ])
  })

  it('steps over a hard break without tinting it, and keeps the text after it with its writer', () => {
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) => tr.replaceWith(0, tr.doc.content.size, paragraph('First line')))
    writers.edit(BEN, BEN_TIME, (tr) => tr.insert(11, [schema.node('hardBreak'), schema.text('second line')]))

    const { doc, decorations, ranges } = attribute(writers, BEN)
    expect(doc.textBetween(0, doc.content.size, '', '⏎')).toBe('First line⏎second line')
    expect(tints(doc, decorations)).toEqual([
      ['First line', ADA],
      ['second line', BEN],
    ])
    // The break is still Ben's, for credits, at exactly its one position.
    expect(ranges.find((range) => range.leaf)).toMatchObject({ from: 11, to: 12, person: BEN })
  })

  it('credits each heading’s section with its writers, most characters first, and leaves the opening out', () => {
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) =>
      tr.replaceWith(0, tr.doc.content.size, [paragraph('Opening by Ada'), heading('Aims'), paragraph('Ada wrote this paragraph.'), heading('Means'), paragraph('Hi')]),
    )
    const means = writers.view(BEN).content.size - 1
    writers.edit(BEN, BEN_TIME, (tr) => tr.insertText(' from Ben, at some length', means))

    const { doc, sections, decorations } = attribute(writers, ADA)
    expect(sections).toEqual([
      { at: 16 + 6, credits: [{ person: ADA, characters: 'Aims'.length + 'Ada wrote this paragraph.'.length }] },
      { at: doc.content.size - doc.lastChild!.nodeSize, credits: [{ person: BEN, characters: ' from Ben, at some length'.length }, { person: ADA, characters: 'MeansHi'.length }] },
    ])
    const lines = decorations.find().filter((decoration) => decoration.from === decoration.to)
    expect(lines.map((line) => line.from)).toEqual(sections.map((section) => section.at))
  })

  it('gives text past a client’s last run to that client’s person, just now, and reports it for a new fetch', () => {
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) => tr.replaceWith(0, tr.doc.content.size, paragraph('Indexed')))
    const index = writers.index()
    // Ada types on, but the index is the one fetched before.
    writers.edit(ADA, ADA_TIME + 5_000, (tr) => tr.insertText(' and not yet', 8))
    const doc = writers.view(BEN)
    const written = readWrittenText(writers.docs[BEN].getXmlFragment(DOCUMENT_FRAGMENT), doc)!
    const { ranges, uncovered } = attributeSpans(written.spans, index, { client: 99, person: null }, 123)

    expect(ranges.map((range) => [doc.textBetween(range.from, range.to), range.person, range.pending])).toEqual([
      ['Indexed', ADA, false],
      [' and not yet', ADA, true],
    ])
    expect(uncovered.get(1)).toBe(Y.getState(writers.docs[ADA].store, 1))
  })

  it('gives this tab’s own unindexed text to the person signed in, and leaves an unknown client’s text untinted', () => {
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) => tr.replaceWith(0, tr.doc.content.size, paragraph('Ada')))
    writers.edit(BEN, BEN_TIME, (tr) => tr.insertText(' Ben', 4))
    const doc = writers.view(ADA)
    const written = readWrittenText(writers.docs[ADA].getXmlFragment(DOCUMENT_FRAGMENT), doc)!
    // An index that has heard of neither client: Ada's tab knows its own client id is Ada.
    const empty: AttributionIndex = { people, clients: new Map() }
    const { ranges, uncovered } = attributeSpans(written.spans, empty, { client: 1, person: ADA }, 123)

    expect(ranges.map((range): [string, string | null] => [doc.textBetween(range.from, range.to), range.person])).toEqual([['Ada', ADA]])
    expect([...uncovered.keys()].sort()).toEqual([1, 2])
  })

  it('answers null when the editor’s document is ahead of the Y.Doc, as for a moment during typing', () => {
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) => tr.replaceWith(0, tr.doc.content.size, paragraph('Hello')))
    const fragment = writers.docs[ADA].getXmlFragment(DOCUMENT_FRAGMENT)
    const typed = EditorState.create({ doc: writers.view(ADA) }).tr.insertText('!', 6).doc
    expect(readWrittenText(fragment, typed)).toBeNull()
    const replaced = EditorState.create({ doc: writers.view(ADA) }).tr.insertText('J', 1, 2).doc
    expect(readWrittenText(fragment, replaced)).toBeNull()
    const split = EditorState.create({ doc: writers.view(ADA) }).tr.split(3).doc
    expect(readWrittenText(fragment, split)).toBeNull()
  })

  it('draws the same decorations again when nothing changed, so ProseMirror redraws nothing while people type elsewhere', () => {
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) => tr.replaceWith(0, tr.doc.content.size, [heading('Aims'), paragraph('Hello world')]))
    writers.edit(BEN, BEN_TIME, (tr) => tr.insertText('brave ', 13))
    const first = attribute(writers, ADA)
    const second = attribute(writers, ADA)
    // ProseMirror compares specs key by key with ===, so they must hold only plain values.
    const drawn = (list: typeof first.list) => list.map((decoration) => [decoration.from, decoration.to, decoration.spec])
    expect(drawn(second.list)).toEqual(drawn(first.list))
    for (const { spec } of second.list) expect(Object.values(spec).every((value) => typeof value !== 'object')).toBe(true)
    expect(updateDecorations(first.decorations, second.doc, second.list)).toBe(first.decorations)
  })

  it('updates the previous tints, mapped through an edit, to exactly the new ones', () => {
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) => tr.replaceWith(0, tr.doc.content.size, [heading('Aims'), paragraph('Hello world'), heading('Means'), paragraph('Ada')]))
    const before = attribute(writers, ADA)
    writers.edit(BEN, BEN_TIME, (tr) => tr.insertText('brave ', 13))
    const after = attribute(writers, ADA)
    // The old tints, mapped through Ben's edit as the editor does between two computations.
    const mapped = before.decorations.map(EditorState.create({ doc: before.doc }).tr.insertText('brave ', 13).mapping, after.doc)
    const updated = updateDecorations(mapped, after.doc, after.list)
    expect(tints(after.doc, updated)).toEqual(tints(after.doc, after.decorations))
    const widgets = (set: DecorationSet) => set.find().filter((d) => d.from === d.to).map((d) => [d.from, (d.spec as { key: string }).key])
    expect(widgets(updated)).toEqual(widgets(after.decorations))
  })

  it('merges neighbouring ranges only when the writer and the time agree', () => {
    const range = (from: number, to: number, person: string, time: number): AuthoredRange => ({ from, to, person, time, pending: false, leaf: false })
    const writers = new Writers()
    writers.edit(ADA, ADA_TIME, (tr) => tr.replaceWith(0, tr.doc.content.size, paragraph('One')))
    writers.edit(ADA, ADA_TIME + 120_000, (tr) => tr.insertText(' two', 4))
    const doc = writers.view(ADA)
    const written = readWrittenText(writers.docs[ADA].getXmlFragment(DOCUMENT_FRAGMENT), doc)!
    const { ranges } = attributeSpans(written.spans, writers.index(), { client: 99, person: null }, 0)
    expect(ranges).toEqual([range(1, 4, ADA, ADA_TIME), range(4, 8, ADA, ADA_TIME + 120_000)])
  })
})
