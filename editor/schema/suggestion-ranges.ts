/**
 * Where a suggestion sits in a ProseMirror document: the ranges that accepting or rejecting
 * it must delete. Deleting whole ranges lets ProseMirror join the blocks on either side
 * exactly as the original edit would have (a proposed paragraph break, once rejected, is
 * gone and its two halves are one paragraph again).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { blockSuggestionOf, deletionsOf, insertionOf } from './suggestion-stamps'

export type Range = [from: number, to: number]

/**
 * The tokens between the inline content before a block boundary and the inline content
 * after it: the closing tokens of the block before `pos`, down to its last textblock, and
 * the opening tokens of the block at `pos`, down to its first.
 */
export function boundaryRange(doc: ProseMirrorNode, pos: number): Range {
  let from = pos
  for (let before = doc.resolve(pos).nodeBefore; before && !before.isLeaf; before = before.lastChild) {
    from -= 1
    if (before.isTextblock) break
  }
  let to = pos
  for (let after = doc.resolve(pos).nodeAfter; after && !after.isLeaf; after = after.firstChild) {
    to += 1
    if (after.isTextblock) break
  }
  return [from, to]
}

/** What rejecting the insertion `id` deletes: its text, its new nodes and its proposed boundaries. */
export function insertedRanges(doc: ProseMirrorNode, id: string): Range[] {
  const ranges: Range[] = []
  doc.descendants((node, pos) => {
    if (node.isText) {
      if (insertionOf(node.marks)?.id === id) ranges.push([pos, pos + node.nodeSize])
      return false
    }
    const suggestion = blockSuggestionOf(node)
    if (suggestion?.id !== id) return true
    if (suggestion.change === 'insert') {
      ranges.push([pos, pos + node.nodeSize])
      return false
    }
    if (suggestion.change === 'split') ranges.push(boundaryRange(doc, pos))
    return true
  })
  return merged(ranges)
}

/** What accepting the deletion `id` deletes: its text, the leaves it removes and the boundaries it joins. */
export function deletedRanges(doc: ProseMirrorNode, id: string): Range[] {
  const ranges: Range[] = []
  doc.descendants((node, pos) => {
    if (node.isText) {
      if (deletionsOf(node.marks).some((stamp) => stamp.id === id)) ranges.push([pos, pos + node.nodeSize])
      return false
    }
    const suggestion = blockSuggestionOf(node)
    if (suggestion?.id !== id) return true
    if (suggestion.change === 'remove') {
      ranges.push([pos, pos + node.nodeSize])
      return false
    }
    if (suggestion.change === 'join') ranges.push(boundaryRange(doc, pos))
    return true
  })
  return merged(ranges)
}

/** Sorted, with touching and overlapping ranges joined into one. */
export function merged(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const result: Range[] = []
  for (const [from, to] of sorted) {
    const last = result.at(-1)
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else result.push([from, to])
  }
  return result
}
