/**
 * The parts of a document a transaction touched, as runs of top-level blocks that can be
 * read on their own, before and after it.
 *
 * A run starts at an anchor: a top-level block the transaction did not touch, present on
 * both sides and not itself a proposed split (which would join it to the block before). It
 * ends just before the next anchor. Nothing outside a run can join into it, so comparing
 * each run before and after the transaction compares the whole document, at the cost of
 * reading only the runs: in proportion to the edit and its neighbouring blocks, not to
 * the document.
 */
import * as Y from 'yjs'
import { isBlockSuggestion, SUGGESTION_ATTRIBUTE } from '../../model/schema/suggestion-model'
import { attributeAt, NOW } from './moment'

/** Consecutive top-level items, from `first` up to (not including) `end`; null ends at the document's end. */
export interface Segment {
  first: Y.Item | null
  end: Y.Item | null
}

export function* itemsOf(fragment: Y.XmlFragment, segment: Segment): Generator<Y.Item> {
  for (let item = segment.first ?? fragment._start; item !== null && item !== segment.end; item = item.right) yield item
}

export function touchedSegments(doc: Y.Doc, fragment: Y.XmlFragment, transaction: Y.Transaction): Segment[] {
  const touched = touchedTopLevel(doc, fragment, transaction)
  const isAnchor = (item: Y.Item) => !touched.has(item) && !item.deleted && !isProposedSplit(item)
  const covered = new Set<Y.Item>()
  const segments: Segment[] = []
  for (const item of touched) {
    if (covered.has(item)) continue
    let first = item.left
    while (first !== null && !isAnchor(first)) first = first.left
    let end = first === null ? fragment._start : first.right
    while (end !== null && !isAnchor(end)) {
      if (touched.has(end)) covered.add(end)
      end = end.right
    }
    segments.push({ first, end })
  }
  return segments
}

/** The top-level items holding whatever the transaction added or deleted. */
function touchedTopLevel(doc: Y.Doc, fragment: Y.XmlFragment, transaction: Y.Transaction): Set<Y.Item> {
  const touched = new Set<Y.Item>()
  const note = (struct: Y.Item | Y.GC) => {
    const top = struct instanceof Y.Item ? topLevelOf(struct, fragment) : null
    if (top) touched.add(top)
  }
  for (const [client, after] of transaction.afterState) {
    const from = transaction.beforeState.get(client) ?? 0
    const structs = doc.store.clients.get(client)
    if (!structs || after <= from) continue
    for (let i = Y.findIndexSS(structs, from); i < structs.length && structs[i]!.id.clock < after; i++) note(structs[i]!)
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, note)
  return touched
}

function topLevelOf(item: Y.Item, fragment: Y.XmlFragment): Y.Item | null {
  let current = item
  while (current.parent !== fragment) {
    const parent = current.parent as Y.AbstractType<unknown> | null
    if (!parent?._item) return null
    current = parent._item
  }
  return current
}

function isProposedSplit(item: Y.Item): boolean {
  if (!(item.content instanceof Y.ContentType)) return false
  const suggestion = attributeAt(item.content.type, SUGGESTION_ATTRIBUTE, NOW)
  return isBlockSuggestion(suggestion) && suggestion.change === 'split'
}
