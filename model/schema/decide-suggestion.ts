/**
 * Accepting and rejecting one suggestion, as ProseMirror transforms, for the server to run
 * when a maintainer decides, and for tests to check that accepting every suggestion gives
 * what was typed and rejecting every one gives the original.
 *
 *   accept  insertions lose their mark and become accepted text, proposed boundaries
 *           become real ones (a paragraph break proposed inside the text splits its
 *           block there, a line break becomes one); deletions are carried out; format changes and new block
 *           types and wrappers (a list, a quote) are kept; wrappers proposed
 *           for taking away are taken away, leaving what they hold.
 *   reject  insertions are deleted with their boundaries; deletions lose their mark;
 *           format changes are undone; retyped blocks get back the type they had;
 *           proposed wrappers are taken away, leaving what they hold; a
 *           wrapper proposed for taking away stays.
 *
 * Text is never rewritten by a decision, only marked, unmarked or deleted, so accepted text
 * keeps the Yjs items its author wrote, and with them its author; the one exception is the text
 * after an accepted paragraph break, which Yjs moves into the new block by writing it again, and
 * which keeps its writer through server/attribution/carried-text.ts.
 */
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'
import { breakIntoBlocks, breakIntoLines, breakOffsets } from './suggestion-breaks'
import { DELETION, FORMAT_CHANGE, INSERTION, LINE_BREAK, SUGGESTION_ATTRIBUTE, type BlockMarkup, type MarkJSON } from './suggestion-model'
import { deletedRanges, insertedRanges, type Range } from './suggestion-ranges'
import { restoreType } from './suggestion-retype'
import { liftOutSuggestion, unwrapSuggestion } from './suggestion-wrap'
import { blockSuggestionOf, deletionsOf, formatChangesOf, insertionOf } from './suggestion-stamps'

export function acceptSuggestion(tr: Transform, id: string): void {
  carryOutBreaks(tr, id)
  clearMarks(tr, id, (mark) => mark.type.name === INSERTION || mark.type.name === FORMAT_CHANGE)
  clearBlockSuggestions(tr, id, ['split', 'insert', 'retype', 'wrap'])
  deleteRanges(tr, deletedRanges(tr.doc, id))
  // A joined wrapper that has gained blocks since (Enter inside a quote proposed for joining)
  // keeps them: ProseMirror closes it again after the join. Its stamp must not outlive the decision.
  clearBlockSuggestions(tr, id, ['join'])
  liftOutSuggestion(tr, id)
}

export function rejectSuggestion(tr: Transform, id: string): void {
  undoFormatChanges(tr, id)
  clearMarks(tr, id, (mark) => mark.type.name === DELETION)
  clearBlockSuggestions(tr, id, ['join', 'remove', 'unwrap'])
  undoRetypes(tr, id)
  deleteRanges(tr, insertedRanges(tr.doc, id))
  unwrapSuggestion(tr, id)
}

/** Every suggestion id in the document, in order of first appearance. */
export function suggestionIds(doc: ProseMirrorNode): string[] {
  const ids = new Set<string>()
  doc.descendants((node) => {
    const block = blockSuggestionOf(node)
    if (block) ids.add(block.id)
    const inserted = insertionOf(node.marks)
    if (inserted) ids.add(inserted.id)
    for (const deleted of deletionsOf(node.marks)) ids.add(deleted.id)
    for (const formatChange of formatChangesOf(node.marks)) ids.add(formatChange.id)
    return true
  })
  return [...ids]
}

/**
 * Makes each break proposed by `id` inside the text a real one: a block boundary, or a line break.
 * From the last to the first, so that earlier positions hold.
 */
function carryOutBreaks(tr: Transform, id: string): void {
  const found: Array<{ pos: number; line: boolean }> = []
  tr.doc.descendants((node, pos) => {
    if (!node.isText) return true
    if (insertionOf(node.marks)?.id !== id) return false
    const text = node.text ?? ''
    for (const offset of breakOffsets(text)) found.push({ pos: pos + offset, line: false })
    for (const offset of breakOffsets(text, LINE_BREAK)) found.push({ pos: pos + offset, line: true })
    return false
  })
  for (const { pos, line } of found.sort((a, b) => b.pos - a.pos)) {
    if (line) breakIntoLines(tr, pos)
    else breakIntoBlocks(tr, pos, null)
  }
}

function clearMarks(tr: Transform, id: string, matches: (mark: Mark) => boolean): void {
  const found: Array<{ from: number; to: number; mark: Mark }> = []
  tr.doc.descendants((node, pos) => {
    if (!node.isText) return true
    for (const mark of node.marks) {
      if (matches(mark) && mark.attrs.id === id) found.push({ from: pos, to: pos + node.nodeSize, mark })
    }
    return false
  })
  for (const { from, to, mark } of found) tr.removeMark(from, to, mark)
}

function clearBlockSuggestions(tr: Transform, id: string, changes: string[]): void {
  const found: number[] = []
  tr.doc.descendants((node, pos) => {
    const suggestion = blockSuggestionOf(node)
    if (suggestion?.id === id && changes.includes(suggestion.change)) found.push(pos)
    return true
  })
  for (const pos of found) tr.setNodeAttribute(pos, SUGGESTION_ATTRIBUTE, null)
}

/** Gives each block retyped by `id` back the type and attributes it had, without the stamp. */
function undoRetypes(tr: Transform, id: string): void {
  const found: Array<{ pos: number; from: BlockMarkup }> = []
  tr.doc.descendants((node, pos) => {
    const suggestion = blockSuggestionOf(node)
    if (suggestion?.id === id && suggestion.change === 'retype') found.push({ pos, from: suggestion.from })
    return true
  })
  for (const { pos, from } of found) restoreType(tr, pos, from)
}

function undoFormatChanges(tr: Transform, id: string): void {
  const found: Array<{ from: number; to: number; added: MarkJSON[]; removed: MarkJSON[] }> = []
  tr.doc.descendants((node, pos) => {
    if (!node.isText) return true
    const change = formatChangesOf(node.marks).find((candidate) => candidate.id === id)
    if (change) found.push({ from: pos, to: pos + node.nodeSize, added: change.added, removed: change.removed })
    return false
  })
  const { schema } = tr.doc.type
  for (const { from, to, added, removed } of found) {
    for (const mark of added) {
      const type = schema.marks[mark.type]
      if (type) tr.removeMark(from, to, type)
    }
    for (const mark of removed) {
      const type = schema.marks[mark.type]
      if (type) tr.addMark(from, to, type.create(mark.attrs))
    }
  }
  clearMarks(tr, id, (mark) => mark.type.name === FORMAT_CHANGE)
}

/**
 * From the first range to the last, each mapped through the deletions before it. In this order
 * each boundary is joined where the blocks before it have already been joined, as deleting the
 * whole stretch at once did when the suggestion was made: two lists on either side of a joined
 * paragraph become one list, not two lists side by side.
 */
function deleteRanges(tr: Transform, ranges: Range[]): void {
  const start = tr.steps.length
  for (const [from, to] of ranges) {
    const done = tr.mapping.slice(start)
    const mappedFrom = done.map(from, 1)
    const mappedTo = done.map(to, -1)
    if (mappedFrom < mappedTo) tr.delete(mappedFrom, mappedTo)
  }
}
