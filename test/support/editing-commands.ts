/**
 * The abstract commands of random-editing.ts, made concrete: where in a document a
 * command acts, and the ProseMirror transaction the editor's keys and buttons would make.
 *
 * The property tests also make each transaction directly on a plain copy of the document,
 * its steps mapped there (sameStepsOn), and compare. So what a command inserts, typed text
 * and new blocks, is made once, without suggestion marks or stamps, and both copies receive
 * the very same content.
 */
import type { Attrs, Mark, Node as ProseMirrorNode, NodeType } from '@tiptap/pm/model'
import { joinTextblockBackward, wrapIn } from '@tiptap/pm/commands'
import { wrapInList } from '@tiptap/pm/schema-list'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { canSplit, Mapping, ReplaceStep, Transform, type Step } from '@tiptap/pm/transform'
import { acceptSuggestion, rejectSuggestion, suggestionIds } from '../../model/schema/decide-suggestion'
import { retypeOf } from '../../editor/suggesting/suggest-retype'
import { PARAGRAPH_BREAK, SUGGESTION_ATTRIBUTE, SUGGESTION_MARKS, type SuggestionStamp } from '../../model/schema/suggestion-model'
import { blockSuggestionOf, deletionsOf, formatChangesOf, insertionOf } from '../../model/schema/suggestion-stamps'
import type { EditCommand } from './random-editing'
import { schema } from './suggesting-editor'

export interface PlannedEdit {
  command: EditCommand
  /** The selection the command acts on: a caret when from === to. */
  from: number
  to: number
  /** What `type` and `replace` insert. */
  text: ProseMirrorNode | null
  /** What `enter` makes after the caret: the blocks the person sees there, without their suggestions. */
  blocksAfter?: Array<{ type: NodeType; attrs: Attrs }>
}

/**
 * Where `command` acts in `doc`, or null when it has nothing to act on (an empty range). With
 * `lane`, it acts only inside that top-level block, and joins nothing to the block before it.
 */
export function planEdit(command: EditCommand, doc: ProseMirrorNode, lane?: number): PlannedEdit | null {
  const within = lane === undefined ? null : laneRange(doc, lane)
  const inside = (pos: number) => !within || (pos > within[0] && pos < within[1])
  const positions = inlinePositions(doc).filter(inside)
  if (positions.length === 0) return null
  const index = ('at' in command ? command.at : 0) % positions.length
  const from = positions[index]!
  const last = 'inBlock' in command && command.inBlock ? doc.resolve(from).end() : Infinity
  const to = 'span' in command ? Math.min(positions[Math.min(index + 1 + command.span, positions.length - 1)]!, last) : from
  switch (command.kind) {
    case 'type':
      return { command, from, to, text: typedText(doc, from, from, command.text) }
    case 'replace':
      return from < to ? { command, from, to, text: typedText(doc, from, to, command.text) } : null
    case 'delete':
    case 'format':
      return from < to ? { command, from, to, text: null } : null
    case 'enter':
      return { command, from, to: from, text: null, blocksAfter: blocksAfter(doc, from) }
    case 'retype':
    case 'wrap':
      return { command, from, to: from, text: null }
    case 'backspace': {
      // Any textblock but the first, which has nothing before it to join to (or, in a lane, someone else's block).
      const starts = textblockStarts(doc).filter(inside).slice(1)
      const start = starts[command.block % Math.max(starts.length, 1)]
      return start === undefined ? null : { command, from: start, to: start, text: null }
    }
  }
}

/** The transaction `edit` makes on `state`, with its selection already there. Null when the keys would do nothing. */
export function transactionFor(edit: PlannedEdit, state: EditorState): Transaction | null {
  const { command, from, to } = edit
  const tr = state.tr
  switch (command.kind) {
    case 'type':
      return tr.insert(from, edit.text!)
    case 'replace':
      return tr.replaceWith(from, to, edit.text!)
    case 'delete':
      return tr.delete(from, to)
    case 'format': {
      const type = schema.marks[command.mark]!
      return command.add ? tr.addMark(from, to, type.create()) : tr.removeMark(from, to, type)
    }
    case 'enter': {
      const types = edit.blocksAfter!
      return canSplit(state.doc, from, types.length, types) ? tr.split(from, types.length, types) : null
    }
    case 'retype': {
      // As the toolbar's buttons do (Tiptap's setNode): setBlockType with the block's own attributes
      // under the new ones, so pressing the button of the type a block already has changes nothing.
      const type = command.level === 0 ? schema.nodes.paragraph! : schema.nodes.heading!
      const attrs = { ...state.doc.resolve(from).parent.attrs, ...(command.level === 0 ? {} : { level: command.level }) }
      return tr.setBlockType(from, from, type, attrs)
    }
    case 'backspace': {
      let joined: Transaction | null = null
      joinTextblockBackward(state, (made) => (joined = made))
      return joined
    }
    case 'wrap': {
      // The commands under the toolbar's buttons, without Tiptap's joining of the new list to one beside it.
      const type = schema.nodes[command.wrapper]!
      const wrap = command.wrapper === 'blockquote' ? wrapIn(type) : wrapInList(type)
      let wrapped: Transaction | null = null
      wrap(state, (made) => (wrapped = made))
      return wrapped
    }
  }
}

/**
 * The document with every suggestion decided one way; the transform maps positions into it.
 * Rejected in document order (suggestionIds); accepted in the order they were made, as the
 * plain copy had the same edits made: joins proposed one inside another come out the same
 * only when carried out in the order they were proposed.
 */
export function decideAll(doc: ProseMirrorNode, decision: 'accept' | 'reject'): Transform {
  const tr = new Transform(doc)
  const ids = suggestionIds(doc)
  if (decision === 'reject') for (const id of ids) rejectSuggestion(tr, id)
  else for (const id of inOrderMade(doc, ids)) acceptSuggestion(tr, id)
  return tr
}

function inOrderMade(doc: ProseMirrorNode, ids: string[]): string[] {
  const made = new Map<string, number>()
  const note = (stamp: SuggestionStamp | null) => stamp && made.set(stamp.id, stamp.createdAt)
  doc.descendants((node) => {
    note(blockSuggestionOf(node))
    note(insertionOf(node.marks))
    deletionsOf(node.marks).forEach(note)
    formatChangesOf(node.marks).forEach(note)
  })
  return [...ids].sort((a, b) => made.get(a)! - made.get(b)!)
}

/**
 * `tr`'s steps made on `plain`, a copy of `tr`'s starting document with its suggestions
 * decided by `decided`: each step mapped back to the start, through the decisions, and
 * forward through the steps made so far. A step with nothing left to act on is dropped.
 */
export function sameStepsOn(plain: EditorState, tr: Transaction, decided: Transform, caret?: number): Transaction {
  const direct = plain.tr
  tr.steps.forEach((step, index) => {
    const mapping = backToStart(tr, index)
    mapping.appendMapping(decided.mapping)
    mapping.appendMapping(direct.mapping)
    const retype = retypeOf(step)
    if (retype) {
      // By the caret, as the button acts: the block's boundaries may be gone in the plain copy (a join
      // accepted there), and a paragraph break proposed in the block is a real one there, so only the
      // part the caret is in changes. `caret` is in the starting document; without it, the block's start.
      const inside = caret === undefined ? mapping.map(retype.at + 1, 1) : direct.mapping.map(decided.mapping.map(caret, 1), 1)
      direct.setBlockType(inside, inside, retype.type, { ...retype.attrs, [SUGGESTION_ATTRIBUTE]: null })
      return
    }
    const mapped = mapStep(step, mapping)
    if (mapped) direct.maybeStep(mapped)
  })
  return direct
}

/**
 * True when Enter at the edit's caret would split a block proposed for joining to the block
 * before (or one inside a quote or list proposed for joining). The plain copy has already
 * joined it, so there the new block lands where the joined text went (inside the quote the
 * paragraph joins, beside the quote being joined), and here where the block still is: the
 * same keys, but not the same edit.
 */
export function splitsJoinedBlock(edit: PlannedEdit, doc: ProseMirrorNode): boolean {
  if (edit.command.kind !== 'enter') return false
  const $pos = doc.resolve(edit.from)
  for (let depth = $pos.depth; depth > 0; depth--) if (blockSuggestionOf($pos.node(depth))?.change === 'join') return true
  return false
}

/**
 * True when the edit changes a whole block (its type, a list or quote around it, or a join to the
 * block before) that holds a paragraph break proposed inside its text (PARAGRAPH_BREAK). The plain
 * copy has two blocks there and changes only the one at the caret; here the change is to the whole
 * block, both sides of the break, until the break is accepted. Only a change of type by the
 * break's own author first makes the break a real proposed block (suggest-retype.ts), so that
 * one is compared.
 */
export function reshapesBlockWithBreak(edit: PlannedEdit, doc: ProseMirrorNode, author: string): boolean {
  const { kind } = edit.command
  if (kind !== 'backspace' && kind !== 'wrap' && kind !== 'retype') return false
  const block = doc.resolve(edit.from).parent
  if (!block.isTextblock) return false
  let found = false
  block.forEach((child) => {
    if (!child.isText || !(child.text ?? '').includes(PARAGRAPH_BREAK)) return
    if (kind !== 'retype' || insertionOf(child.marks)?.author !== author) found = true
  })
  return found
}

/**
 * True when the transaction touches a suggestion of someone other than `author`: text they
 * inserted or reformatted, or a block boundary they proposed, within or next to what it
 * changes. Suggesting mode leaves those alone by design (they are not the person's to
 * change), so the plain copy, which has them as accepted text, cannot be compared there.
 */
export function touchesOthers(tr: Transaction, author: string): boolean {
  const range = changedRange(tr)
  if (!range) return false
  const doc = tr.before
  const lo = Math.max(0, range[0] - 1)
  const hi = Math.min(doc.content.size, range[1] + 1)
  const others = (stamp: { author: string } | null) => stamp !== null && stamp.author !== author
  let touched = false
  doc.nodesBetween(lo, hi, (node, pos) => {
    if (touched) return false
    if (node.isText) touched = others(insertionOf(node.marks)) || formatChangesOf(node.marks).some(others)
    else touched = pos >= lo - 1 && pos <= hi && others(blockSuggestionOf(node))
    return !node.isText
  })
  return touched
}

/** The smallest range of the starting document that holds every step of `tr`. */
function changedRange(tr: Transaction): [number, number] | null {
  let range: [number, number] | null = null
  tr.steps.forEach((step, index) => {
    const { from, to } = step as unknown as { from?: number; to?: number }
    if (from === undefined || to === undefined) return
    const back = backToStart(tr, index)
    const start = back.map(from, -1)
    const end = back.map(to, 1)
    range = range ? [Math.min(range[0], start), Math.max(range[1], end)] : [start, end]
  })
  return range
}

/**
 * The blocks Enter makes after the caret, as splitListItem and splitBlock make them in the
 * middle of a block: the paragraph, and in a list the item too, of the same kind as the
 * caret's. (Their special cases at a block's end or in an empty item, and a block proposed
 * for joining, depend on what the person sees, and a suggesting editor shows struck-through
 * text and proposed breaks that a plain copy has not; both copies get these same blocks.)
 */
function blocksAfter(doc: ProseMirrorNode, pos: number): Array<{ type: NodeType; attrs: Attrs }> {
  const $pos = doc.resolve(pos)
  const depth = $pos.node(-1).type.name === 'listItem' ? 2 : 1
  const blocks: Array<{ type: NodeType; attrs: Attrs }> = []
  for (let d = $pos.depth - depth + 1; d <= $pos.depth; d++) {
    const node = $pos.node(d)
    blocks.push({ type: node.type, attrs: { ...node.attrs, [SUGGESTION_ATTRIBUTE]: null } })
  }
  return blocks
}

/** Like Step.map, except that text inserted inside a range the mapping deleted is kept, where the range was. */
function mapStep(step: Step, mapping: Mapping): Step | null {
  if (!(step instanceof ReplaceStep)) return step.map(mapping)
  const from = mapping.map(step.from, 1)
  const to = Math.max(from, mapping.map(step.to, -1))
  return from === to && step.slice.size === 0 ? null : new ReplaceStep(from, to, step.slice)
}

/** Maps positions after `tr`'s first `index` steps back to its starting document. */
function backToStart(tr: Transaction, index: number): Mapping {
  const back = new Mapping()
  for (let earlier = index - 1; earlier >= 0; earlier--) back.appendMap(tr.mapping.maps[earlier]!.invert())
  return back
}

/** Text as typed at [from, to): with the caret's formatting, less any suggestion marks, that the block allows. */
function typedText(doc: ProseMirrorNode, from: number, to: number, text: string): ProseMirrorNode {
  const $from = doc.resolve(from)
  const marks: readonly Mark[] = from === to ? $from.marks() : ($from.marksAcross(doc.resolve(to)) ?? [])
  const formatting = marks.filter((mark) => !SUGGESTION_MARKS.includes(mark.type.name))
  return schema.text(text, $from.parent.type.allowedMarks(formatting))
}

/** The top-level block at index `lane` (blocks are added and joined in turns only, so it stays put for a round). */
function laneRange(doc: ProseMirrorNode, lane: number): [number, number] {
  const index = lane % doc.childCount
  let start = 0
  for (let i = 0; i < index; i++) start += doc.child(i).nodeSize
  return [start, start + doc.child(index).nodeSize]
}

function inlinePositions(doc: ProseMirrorNode): number[] {
  const positions: number[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    for (let offset = 0; offset <= node.content.size; offset++) positions.push(pos + 1 + offset)
    return false
  })
  return positions
}

function textblockStarts(doc: ProseMirrorNode): number[] {
  const starts: number[] = []
  doc.descendants((node, pos) => {
    if (node.isTextblock) starts.push(pos + 1)
    return !node.isTextblock
  })
  return starts
}
