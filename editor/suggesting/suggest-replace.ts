/**
 * Typing, deleting, pasting and pressing Enter, as suggestions: one ProseMirror replace
 * ([from, to) becomes `slice`) turned into marks and block stamps.
 *
 *   - Deleting the person's own pending insertion, or across a paragraph break they proposed,
 *     deletes it for real: it was never accepted.
 *   - Deleting accepted text marks it as a proposed deletion. A block boundary in the way
 *     (Backspace at the start of a paragraph) is stamped as a proposed join, a line break or
 *     rule as a proposed removal; a block whose type the person proposed goes back to its
 *     old type first (a block holds one stamp). Other people's suggestions are left alone.
 *   - Inserted content is marked as this person's insertion; each block boundary it opens
 *     is stamped as a proposed split, or the whole node as new when it lies entirely
 *     inside what was inserted. It never lands inside a proposed deletion or inside someone
 *     else's insertion, but just after it. Enter or Shift+Enter with text after the caret
 *     inserts a break character instead (PARAGRAPH_BREAK, LINE_BREAK), which moves no text.
 */
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { Transform } from '@tiptap/pm/transform'
import { DELETION, FORMAT_CHANGE, INSERTION, LINE_BREAK, PARAGRAPH_BREAK, SUGGESTION_ATTRIBUTE, type BlockMarkup, type SuggestionStamp } from '../../model/schema/suggestion-model'
import { boundaryRange, merged, type Range } from '../../model/schema/suggestion-ranges'
import { restoreType } from '../../model/schema/suggestion-retype'
import { blockSuggestionOf, deletionsOf, formatChangesOf, insertionOf, isSuggestible } from '../../model/schema/suggestion-stamps'
import { stampFor, type Suggester } from './suggester'

export interface SuggestedReplace {
  /** Where the replaced range ends now, after the kept, marked text. */
  end: number
  /** Where the insertion is, if anything was inserted. */
  inserted: Range | null
  /** The insertion could not be made as a suggestion and was left out. */
  refused: boolean
}

export function suggestReplace(tr: Transaction, from: number, to: number, slice: Slice, who: Suggester): SuggestedReplace {
  const stamp = stampFor(tr.doc, from, to, who)
  let end = to
  if (from < to) {
    if (isOwnPending(tr.doc, from, to, who.author)) {
      tr.delete(from, to)
      end = from
    } else {
      end = proposeDeletion(tr, from, to, stamp)
    }
  }
  const character = slice.size > 0 ? breakCharacter(tr.doc, end, slice) : null
  const proposed = character === null ? slice : new Slice(Fragment.from(tr.doc.type.schema.text(character)), 0, 0)
  const inserted = slice.size > 0 ? insertSuggested(tr, end, proposed, stamp) : null
  return inserted === 'refused' ? { end, inserted: null, refused: true } : { end, inserted, refused: false }
}

/**
 * The character to propose instead of `slice` at `at`, if `slice` is a break with text after the
 * caret: a split of the block (Enter, in a paragraph, heading or list item) or a line break
 * (Shift+Enter). A new block or a line break node would take the text after the caret with it
 * (model/schema/suggestion-model.ts, PARAGRAPH_BREAK). At the end of a block nothing moves, and the
 * new block or line break is proposed as itself.
 */
function breakCharacter(doc: ProseMirrorNode, at: number, slice: Slice): string | null {
  const $at = doc.resolve(at)
  if (!$at.parent.isTextblock || $at.parentOffset >= $at.parent.content.size) return null
  const { content, openStart, openEnd } = slice
  if (openStart === 0 && openEnd === 0 && content.childCount === 1 && content.firstChild!.type.name === 'hardBreak') return LINE_BREAK
  const isSplit = openStart >= 1 && openEnd === openStart && content.childCount === 2 && content.size === 4 * openStart && content.textBetween(0, content.size) === ''
  return isSplit ? PARAGRAPH_BREAK : null
}

/** True when everything in [from, to) is this person's own pending suggestion. */
function isOwnPending(doc: ProseMirrorNode, from: number, to: number, author: string): boolean {
  let own = true
  doc.nodesBetween(from, to, (node, pos) => {
    if (!own) return false
    if (node.isText) {
      own = insertionOf(node.marks)?.author === author
      return false
    }
    if (pos < from || !isSuggestible(node)) return true
    const suggestion = blockSuggestionOf(node)
    own = suggestion?.author === author && (suggestion.change === 'split' || suggestion.change === 'insert')
    return own
  })
  return own
}

function proposeDeletion(tr: Transaction, from: number, to: number, stamp: SuggestionStamp): number {
  const author = stamp.author
  /** The person's own pending pieces in the range: withdrawn, that is deleted for real. */
  const withdrawn: Range[] = []
  const kept: Range[] = []
  const boundaries: Array<{ pos: number; change: 'join' | 'remove' }> = []
  const retyped: Array<{ pos: number; from: BlockMarkup }> = []
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) {
      const range: Range = [Math.max(pos, from), Math.min(pos + node.nodeSize, to)]
      const inserted = insertionOf(node.marks)
      if (inserted?.author === author) withdrawn.push(range)
      else if (!inserted && !deletionsOf(node.marks).some((deletion) => deletion.author === author)) kept.push(range)
      return false
    }
    if (pos < from || !isSuggestible(node)) return true
    const suggestion = blockSuggestionOf(node)
    if (!suggestion) {
      boundaries.push({ pos, change: node.isLeaf ? 'remove' : 'join' })
      return true
    }
    // Someone else's proposed block is theirs to withdraw.
    if (suggestion.author !== author) return false
    // A block holds one suggestion: joining one's own retyped block withdraws the change of type,
    // which the join would make moot once accepted (the joined text takes the type of the block before).
    if (suggestion.change === 'retype') {
      retyped.push({ pos, from: suggestion.from })
      boundaries.push({ pos, change: 'join' })
      return true
    }
    // One's own proposed break or block, deleted across, is withdrawn, as typing it and deleting it would leave nothing.
    const own = ownPendingRange(tr.doc, pos, node, suggestion.change, to, author)
    if (own) withdrawn.push([Math.max(own[0], from), Math.min(own[1], to)])
    return true
  })
  const deletion = tr.doc.type.schema.marks[DELETION]!.create(stamp)
  for (const [start, stop] of kept) tr.addMark(start, stop, deletion)
  for (const { pos, from } of retyped) restoreType(tr, pos, from)
  for (const { pos, change } of boundaries) tr.setNodeAttribute(pos, SUGGESTION_ATTRIBUTE, { ...stamp, change })
  const firstStep = tr.steps.length
  for (const [start, stop] of merged(withdrawn).reverse()) tr.delete(start, stop)
  return tr.mapping.slice(firstStep).map(to, -1)
}

/**
 * What withdrawing one's own block suggestion at `pos` deletes: a proposed break, or a whole proposed
 * block inside the range. A proposed block in which someone else has suggested something stays, with
 * their suggestion in it: only one's own text in it is withdrawn (the walk goes on into the block).
 */
function ownPendingRange(doc: ProseMirrorNode, pos: number, node: ProseMirrorNode, change: string, to: number, author: string): Range | null {
  if (change === 'split') return boundaryRange(doc, pos)
  if (change === 'insert' && pos + node.nodeSize <= to && !holdsOthersSuggestions(node, author)) return [pos, pos + node.nodeSize]
  return null
}

function holdsOthersSuggestions(block: ProseMirrorNode, author: string): boolean {
  let found = false
  block.descendants((node) => {
    if (found) return false
    const stamps = [blockSuggestionOf(node), insertionOf(node.marks), ...deletionsOf(node.marks), ...formatChangesOf(node.marks)]
    found = stamps.some((stamp) => stamp !== null && stamp.author !== author)
    return !found
  })
  return found
}

/**
 * Inserts `slice` as this person's suggestion. Returns the inserted range, null when nothing was
 * inserted, or 'refused' when ProseMirror could fit the slice in only by rewriting what follows
 * (an open slice across a code block and a list, from typing over a selection from one into the
 * other, carries the text after the insertion point into new nodes): marking that as inserted
 * would propose removing accepted text, so the insertion is left out.
 */
function insertSuggested(tr: Transaction, at: number, slice: Slice, stamp: SuggestionStamp): Range | 'refused' | null {
  const fitted = new Transform(tr.doc).replace(pastOthersRuns(tr.doc, at, stamp.author), undefined, slice).steps[0]
  if (!fitted) return null
  let range: Range | null = null
  let rewrites = false
  fitted.getMap().forEach((oldStart, oldEnd, newStart, newEnd) => {
    rewrites ||= oldEnd > oldStart
    range = [newStart, newEnd]
  })
  if (rewrites) return 'refused'
  if (range === null) return null
  tr.step(fitted)
  const [from, to] = range as Range
  const { marks } = tr.doc.type.schema
  // Pasted text may carry marks copied from suggestions; what is inserted now is this person's.
  for (const name of [INSERTION, DELETION, FORMAT_CHANGE]) tr.removeMark(from, to, marks[name])
  tr.addMark(from, to, marks[INSERTION]!.create(stamp))
  const opened: Array<{ pos: number; whole: boolean }> = []
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (pos >= from && !node.isText && isSuggestible(node)) opened.push({ pos, whole: pos + node.nodeSize <= to })
    return true
  })
  for (const { pos, whole } of opened) tr.setNodeAttribute(pos, SUGGESTION_ATTRIBUTE, { ...stamp, change: whole ? 'insert' : 'split' })
  return [from, to]
}

/** Moves an insertion point out of a proposed deletion, or out of someone else's insertion, to just after it. */
function pastOthersRuns(doc: ProseMirrorNode, at: number, author: string): number {
  let pos = at
  for (;;) {
    const $pos = doc.resolve(pos)
    const before = $pos.nodeBefore
    const after = $pos.nodeAfter
    if (!before?.isText || !after?.isText || !sameRun(before, after, author)) return pos
    pos += after.nodeSize
  }
}

function sameRun(before: ProseMirrorNode, after: ProseMirrorNode, author: string): boolean {
  const deletedBefore = new Set(deletionsOf(before.marks).map((stamp) => stamp.id))
  if (deletionsOf(after.marks).some((stamp) => deletedBefore.has(stamp.id))) return true
  const inserted = insertionOf(after.marks)
  return inserted !== null && inserted.author !== author && insertionOf(before.marks)?.id === inserted.id
}
