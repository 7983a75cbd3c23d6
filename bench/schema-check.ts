/**
 * What checking every update against the document schema costs the server
 * (server/documents/document-shape.ts, asked by server/collab/update-check.ts for each item an
 * update adds). The updates are the first keystrokes of automerge-paper as the editor's binding
 * writes them (one paragraph, one XmlText), replayed in order onto a server-side Y.Doc
 * (gc: false) the way the room applies them: checked, then applied.
 *
 * Three ways in the same run, over the same updates: Y.applyUpdate alone (what the server would
 * do with no checks at all); the structural check the server had before (references, gaps,
 * roots) and then the apply; and the structural check with the schema check, then the apply.
 * The figure is what the schema adds per update, beside the whole.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../model/schema/extensions'
import type { ContentShape } from '../server/collab/content-shape'
import { checkUpdate } from '../server/collab/update-check'
import { createDocumentModel } from '../server/documents/content'
import { loadTrace } from '../test/support/traces'
import { median, type Benchmark, type Result } from './support'
import { TraceWriter } from './support/trace-writer'

const KEYSTROKES = 20_000
const PASSES = 5
/** The check must stay a small part of handling an update: at most this many microseconds of it per update. */
const TARGET_MICROSECONDS = 5

function keystrokeUpdates(): { start: Uint8Array; updates: Uint8Array[] } {
  const trace = loadTrace('automerge-paper')
  const doc = new Y.Doc()
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
  const start = Y.encodeStateAsUpdate(doc)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const writer = new TraceWriter(doc, trace)
  for (let i = 0; i < Math.min(KEYSTROKES, writer.length); i++) writer.write(i)
  doc.destroy()
  return { start, updates }
}

/** Microseconds per update for one pass of `handle` over every update, on a fresh server document. */
function pass(start: Uint8Array, updates: Uint8Array[], handle: (doc: Y.Doc, update: Uint8Array) => void): number {
  const doc = new Y.Doc({ gc: false })
  Y.applyUpdate(doc, start)
  const began = performance.now()
  for (const update of updates) handle(doc, update)
  const elapsed = performance.now() - began
  doc.destroy()
  return (elapsed * 1000) / updates.length
}

export const schemaCheck: Benchmark = {
  name: 'schema-check',
  description: `checking ${KEYSTROKES.toLocaleString('en')} keystroke updates of automerge-paper against the schema`,
  async run(): Promise<Result[]> {
    const { start, updates } = keystrokeUpdates()
    const { shape } = createDocumentModel()
    const structuralOnly: ContentShape = { roots: shape.roots, refusal: () => null }
    const ways = {
      apply: (doc: Y.Doc, update: Uint8Array) => Y.applyUpdate(doc, update),
      structural: (doc: Y.Doc, update: Uint8Array) => Y.applyUpdate(doc, checkUpdate(doc, update, structuralOnly).bytes),
      schema: (doc: Y.Doc, update: Uint8Array) => Y.applyUpdate(doc, checkUpdate(doc, update, shape).bytes),
    }
    const samples = { apply: [] as number[], structural: [] as number[], schema: [] as number[] }
    // Interleaved, so that a burst of someone else's work on the machine lands on every way alike.
    for (let i = 0; i < PASSES; i++) for (const way of ['apply', 'structural', 'schema'] as const) samples[way].push(pass(start, updates, ways[way]))
    const apply = median(samples.apply)
    const structural = median(samples.structural)
    const schema = median(samples.schema)
    const added = schema - structural
    const us = (value: number) => `${value.toFixed(1)} µs`
    return [
      {
        benchmark: 'schema-check',
        figure: 'server time per keystroke update: structural and schema check, then apply',
        value: us(schema),
        baseline: `${us(structural)} structural check only; ${us(apply)} Y.applyUpdate alone`,
        target: '—',
        met: true,
      },
      {
        benchmark: 'schema-check',
        figure: 'added by the schema check, per update',
        value: us(Math.max(0, added)),
        baseline: us(structural),
        target: `≤ ${TARGET_MICROSECONDS} µs`,
        met: added <= TARGET_MICROSECONDS,
      },
    ]
  },
}
