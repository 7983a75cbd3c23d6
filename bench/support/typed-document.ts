/**
 * A document as the server holds it after someone typed it: a trace written keystroke by
 * keystroke (trace-writer.ts) into a Y.Doc that keeps every deleted character (gc: false, as
 * the server's documents do), stopped once the text is `characters` long.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import type { Trace } from '../../test/support/traces'
import { TraceWriter } from './trace-writer'

export interface TypedDocument {
  /** The document's whole state, history included. */
  state: Uint8Array
  /** Characters of text at the end, newlines included. */
  characters: number
  /** Trace transactions written. */
  edits: number
}

export function typedDocument(trace: Trace, characters: number): TypedDocument {
  const doc = new Y.Doc({ gc: false })
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
  const writer = new TraceWriter(doc, trace)
  let length = 0
  let edits = 0
  while (edits < writer.length && length < characters) {
    writer.write(edits)
    for (const [, deleted, inserted] of trace.txns[edits]!.patches) length += [...inserted].length - deleted
    edits++
  }
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { state, characters: length, edits }
}
