/**
 * Where each Yjs item of the text sits in the ProseMirror document.
 *
 * y-prosemirror keeps one Y.XmlElement per ProseMirror node and one Y.XmlText per run of
 * inline text; formatting marks are ContentFormat items inside the XmlText and take no
 * position, and an inline leaf (a hard break) is a Y.XmlElement between two XmlTexts. So
 * the two trees can be walked side by side: every visible ContentString of `length` clocks
 * covers exactly `length` positions (UTF-16 units in both), starting at its item's clock.
 *
 * The walk checks as it goes that the trees agree (node names, the text itself, the size
 * of every block). They can disagree for a moment, between a local keystroke reaching
 * ProseMirror and y-prosemirror writing it to Yjs; the walk then answers null and the
 * caller tries again later rather than tinting the wrong characters.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'

/** Positions [from, to) written under Yjs client `client` from clock `clock` on, one clock per position. */
export interface WrittenSpan {
  readonly from: number
  readonly to: number
  readonly client: number
  readonly clock: number
  /** A hard break (or another inline leaf) rather than text: counted in credits, never tinted. */
  readonly leaf: boolean
}

/** A heading placed directly in the document: it starts a section, which runs to the next one. */
export interface SectionHeading {
  /** Position before the heading. */
  readonly from: number
  /** Position after it, where its credits line goes. */
  readonly to: number
}

export interface WrittenText {
  /** In document order, never overlapping. */
  readonly spans: readonly WrittenSpan[]
  readonly headings: readonly SectionHeading[]
}

/** Thrown inside the walk when the trees disagree; never leaves this file. */
class OutOfStep extends Error {
  override name = 'OutOfStep'
}

export function readWrittenText(fragment: Y.XmlFragment, doc: ProseMirrorNode): WrittenText | null {
  const spans: WrittenSpan[] = []
  const headings: SectionHeading[] = []
  try {
    readBlocks(fragment, doc, 0, spans, headings)
  } catch (error) {
    if (error instanceof OutOfStep) return null
    throw error
  }
  return { spans, headings }
}

/** The visible nested types of a Yjs parent, with the items that hold them (for their ids). */
function* childTypes(parent: Y.XmlFragment | Y.XmlElement): Generator<[Y.Item, Y.AbstractType<unknown>]> {
  for (let item = parent._start; item !== null; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentType) yield [item, item.content.type]
  }
}

/**
 * `parent` holds blocks; `start` is the position of its content. `headings` is given only
 * for the document itself, whose headings start sections.
 */
function readBlocks(
  yParent: Y.XmlFragment | Y.XmlElement,
  parent: ProseMirrorNode,
  start: number,
  spans: WrittenSpan[],
  headings: SectionHeading[] | null,
): void {
  let index = 0
  let pos = start
  for (const [, type] of childTypes(yParent)) {
    if (!(type instanceof Y.XmlElement)) continue
    // y-prosemirror leaves out elements the schema does not know, with their content.
    if (!parent.type.schema.nodes[type.nodeName]) continue
    const node = parent.maybeChild(index)
    if (!node || node.type.name !== type.nodeName) throw new OutOfStep()
    if (headings && node.type.name === 'heading') headings.push({ from: pos, to: pos + node.nodeSize })
    if (node.isTextblock) readInline(type, node, pos + 1, spans)
    else if (!node.isLeaf) readBlocks(type, node, pos + 1, spans, null)
    pos += node.nodeSize
    index++
  }
  if (index !== parent.childCount) throw new OutOfStep()
}

/** `parent` is a textblock whose content starts at `start`. */
function readInline(yParent: Y.XmlElement, parent: ProseMirrorNode, start: number, spans: WrittenSpan[]): void {
  let offset = 0
  for (const [item, type] of childTypes(yParent)) {
    if (type instanceof Y.XmlText) {
      offset = readText(type, parent, start, offset, spans)
    } else if (type instanceof Y.XmlElement) {
      if (!parent.type.schema.nodes[type.nodeName]) continue
      const { node, offset: at } = parent.childAfter(offset)
      if (!node || at !== offset || node.type.name !== type.nodeName) throw new OutOfStep()
      spans.push({ from: start + offset, to: start + offset + node.nodeSize, client: item.id.client, clock: item.id.clock, leaf: true })
      offset += node.nodeSize
    }
  }
  if (offset !== parent.content.size) throw new OutOfStep()
}

/** Reads one XmlText from `offset` into `parent`; returns the offset after it. */
function readText(text: Y.XmlText, parent: ProseMirrorNode, start: number, offset: number, spans: WrittenSpan[]): number {
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue
    const value = item.content.str
    const end = offset + value.length
    if (end > parent.content.size || parent.textBetween(offset, end) !== value) throw new OutOfStep()
    spans.push({ from: start + offset, to: start + end, client: item.id.client, clock: item.id.clock, leaf: false })
    offset = end
  }
  return offset
}
