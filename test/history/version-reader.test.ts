import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TraceWriter } from '../../bench/support/trace-writer'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { AttributionIndex } from '../../server/attribution/attribution-index'
import { createDocumentModel, readContent } from '../../server/documents/content'
import { decodeChain, encodeRelative, subtract } from '../../server/history/snapshots'
import { compareVersions, readVersion } from '../../server/history/version-reader'
import { editDirectly, schema, suggestEdit } from '../support/suggest-edit'
import { loadTrace } from '../support/traces'

const model = createDocumentModel()
const normalized = (json: object) => JSON.stringify(model.schema.nodeFromJSON(json).toJSON())

/** A gc:false document whose every transaction is attributed, as a room does it. */
function attributedDoc() {
  const doc = new Y.Doc({ gc: false })
  const attribution = new AttributionIndex()
  const author = { person: 'ana', time: 1 }
  doc.on('afterTransaction', (transaction: Y.Transaction) => attribution.record(transaction, author.person, author.time))
  return { doc, attribution, author }
}

describe('reading a version', () => {
  it('reads every version of seph-blog1 exactly as Yjs’s own createDocFromSnapshot does', () => {
    const trace = loadTrace('seph-blog1')
    const doc = new Y.Doc({ gc: false })
    doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
    const writer = new TraceWriter(doc, trace)
    const stored: string[] = []
    let previous: Y.Snapshot | null = null
    const step = Math.ceil(writer.length / 25)
    for (let index = 0; index < writer.length; index++) {
      writer.write(index)
      if (index % step !== step - 1 && index !== writer.length - 1) continue
      const snapshot = Y.snapshot(doc)
      stored.push(encodeRelative(snapshot, previous?.ds ?? null))
      previous = snapshot
    }
    const versions = decodeChain(stored)
    expect(versions.length).toBeGreaterThan(20)
    for (const snapshot of versions) {
      expect(normalized(readVersion(doc, snapshot))).toBe(JSON.stringify(readContent(model, Y.createDocFromSnapshot(doc, snapshot)).toJSON()))
    }
  })

  it('reads formatting and suggestions as they stood, not as they stand', () => {
    const { doc } = attributedDoc()
    editDirectly(doc, (tr) => tr.insert(0, schema.nodes.paragraph!.create(null, schema.text('Bold words and plain words.'))))
    editDirectly(doc, (tr, find) => tr.addMark(find('Bold'), find('Bold') + 10, schema.marks.bold!.create()))
    suggestEdit(doc, 'ben', (tr, find) => tr.insertText('Suggested. ', find('plain')))
    const then = Y.snapshot(doc)
    const expected = JSON.stringify(readContent(model, Y.createDocFromSnapshot(doc, then)).toJSON())
    editDirectly(doc, (tr, find) => tr.removeMark(find('Bold'), find('Bold') + 10, schema.marks.bold!))
    editDirectly(doc, (tr, find) => tr.delete(find('plain'), find('plain') + 5))
    expect(normalized(readVersion(doc, then))).toBe(expected)
    expect(expected).toContain('"bold"')
    expect(expected).toContain('Suggested. ')
  })
})

describe('comparing versions', () => {
  it('leaves the words of a paragraph split in two unmarked: they were moved, not rewritten', () => {
    const { doc, attribution, author } = attributedDoc()
    editDirectly(doc, (tr) => tr.insert(0, schema.nodes.paragraph!.create(null, schema.text('First half. Second half.'))))
    const before = Y.snapshot(doc)
    author.time = 1_000_000
    author.person = 'ben'
    editDirectly(doc, (tr, find) => tr.split(find('Second half.')))
    const { summary, content } = compareVersions(doc, attribution, before, 500_000, Y.snapshot(doc))
    expect(summary).toEqual({ added: 0, removed: 0, people: [] })
    expect(JSON.stringify(content)).not.toContain('versionChange')
    expect(content.content).toHaveLength(2)
  })

  it('shows removed text with the formatting it had', () => {
    const { doc, attribution, author } = attributedDoc()
    editDirectly(doc, (tr) => tr.insert(0, schema.nodes.paragraph!.create(null, schema.text('Keep. Bold gone.'))))
    editDirectly(doc, (tr, find) => tr.addMark(find('Bold gone.'), find('Bold gone.') + 10, schema.marks.bold!.create()))
    const before = Y.snapshot(doc)
    author.person = 'ben'
    editDirectly(doc, (tr, find) => tr.delete(find('Bold gone.'), find('Bold gone.') + 10))
    const { content } = compareVersions(doc, attribution, before, 2, Y.snapshot(doc))
    const removed = content.content![0]!.content!.find((node) => node.text === 'Bold gone.')
    expect(removed?.marks?.map((mark) => mark.type)).toEqual(['bold', 'versionChange'])
    expect(removed?.marks?.[1]?.attrs).toMatchObject({ kind: 'removed', by: 'ben' })
  })
})

describe('storing snapshots', () => {
  it('keeps only the deletions a version adds to the one before it', () => {
    const doc = new Y.Doc({ gc: false })
    const text = doc.getText('t')
    text.insert(0, 'abcdefghij')
    text.delete(2, 2)
    const first = Y.snapshot(doc)
    text.delete(0, 1)
    text.delete(4, 3)
    const second = Y.snapshot(doc)
    const added = subtract(second.ds, first.ds)
    const ranges = [...added.clients.values()].flat().map(({ clock, len }) => [clock, len])
    expect(ranges).toEqual([[0, 1], [7, 3]])
    const [decodedFirst, decodedSecond] = decodeChain([encodeRelative(first, null), encodeRelative(second, first.ds)])
    expect(Y.equalSnapshots(decodedFirst!, first)).toBe(true)
    expect(Y.equalSnapshots(decodedSecond!, second)).toBe(true)
  })
})
