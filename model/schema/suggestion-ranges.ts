/**
 * Where a suggestion sits in a ProseMirror document: the ranges that accepting or rejecting
 * it must delete. Deleting whole ranges lets ProseMirror join the blocks on either side
 * exactly as the original edit would have (a proposed paragraph break, once rejected, is
 * gone and its two halves are one paragraph again).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { BoundaryChange } from './suggestion-model'
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
  return rangesOf(doc, id, {
    marksText: (node) => insertionOf(node.marks)?.id === id,
    wholeNode: 'insert',
    boundary: 'split',
  })
}

/** What accepting the deletion `id` deletes: its text, the leaves it removes and the boundaries it joins. */
export function deletedRanges(doc: ProseMirrorNode, id: string): Range[] {
  return rangesOf(doc, id, {
    marksText: (node) => deletionsOf(node.marks).some((stamp) => stamp.id === id),
    wholeNode: 'remove',
    boundary: 'join',
  })
}

interface Pieces {
  /** Text that belongs to the suggestion. */
  marksText: (node: ProseMirrorNode) => boolean
  /** The block stamp that makes a whole node part of it. */
  wholeNode: BoundaryChange
  /** The block stamp that makes the boundary before a node part of it. */
  boundary: BoundaryChange
}

function rangesOf(doc: ProseMirrorNode, id: string, pieces: Pieces): Range[] {
  const ranges: Range[] = []
  doc.descendants((node, pos) => {
    if (node.isText) {
      if (pieces.marksText(node)) ranges.push([pos, pos + node.nodeSize])
      return false
    }
    const suggestion = blockSuggestionOf(node)
    if (suggestion?.id !== id) return true
    if (suggestion.change === pieces.wholeNode) {
      ranges.push([pos, pos + node.nodeSize])
      return false
    }
    if (suggestion.change === pieces.boundary) ranges.push(boundaryRange(doc, pos))
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
