/**
 * Reads a version of a document out of the live Y.Doc, as ProseMirror JSON in the editor's
 * schema, and compares two versions.
 *
 * The room's document never collects garbage, so every element and character ever written
 * is still in it; a snapshot says which of them a version shows. Reading walks the document's
 * tree once, taking each element whose item the version shows and each character likewise
 * (visibility.ts). A comparison walks it once too, taking what either version shows and marking
 * what only one does (version-text.ts). Neither changes the document, so both may run while
 * people edit; each takes time in proportion to the document, history included.
 */
import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import type { AttributionIndex } from '../attribution/attribution-index'
import { ChangeTally, type ChangeSummary } from './change-marks'
import { readText, type Earlier } from './version-text'
import { shows } from './visibility'

/** The document as `snapshot` shows it. */
export function readVersion(doc: Y.Doc, snapshot: Y.Snapshot): JSONContent {
  return { type: 'doc', content: readChildren(doc.getXmlFragment(DOCUMENT_FRAGMENT), snapshot, null) }
}

export interface Comparison {
  content: JSONContent
  summary: ChangeSummary
}

/**
 * Both versions in one document: text only the later one has is marked added (by its writer),
 * text only the earlier one has is marked removed (by who deleted it). `earlierAt` is when the
 * earlier version was recorded.
 */
export function compareVersions(doc: Y.Doc, attribution: AttributionIndex, earlier: Y.Snapshot, earlierAt: number, later: Y.Snapshot): Comparison {
  const tally = new ChangeTally()
  const content = readChildren(doc.getXmlFragment(DOCUMENT_FRAGMENT), later, { snapshot: earlier, at: earlierAt, attribution, tally })
  return { content: { type: 'doc', content }, summary: tally.summary() }
}

function readChildren(parent: Y.XmlFragment | Y.XmlElement, later: Y.Snapshot, earlier: Earlier | null): JSONContent[] {
  const nodes: JSONContent[] = []
  for (let item = parent._start; item !== null; item = item.right) {
    if (!(item.content instanceof Y.ContentType)) continue
    const inLater = shows(item, later)
    if (!inLater && !(earlier !== null && shows(item, earlier.snapshot))) continue
    const type = item.content.type
    if (type instanceof Y.XmlText) nodes.push(...readText(type, later, earlier))
    else if (type instanceof Y.XmlElement) nodes.push(readElement(type, inLater ? later : earlier!.snapshot, later, earlier))
  }
  return nodes
}

function readElement(element: Y.XmlElement, own: Y.Snapshot, later: Y.Snapshot, earlier: Earlier | null): JSONContent {
  const node: JSONContent = { type: element.nodeName }
  const attrs = element.getAttributes(own) as Record<string, unknown>
  if (Object.keys(attrs).length > 0) node.attrs = attrs
  const content = readChildren(element, later, earlier)
  if (content.length > 0) node.content = content
  return node
}
