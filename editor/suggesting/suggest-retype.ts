/**
 * Changing a block's type (¶, H1, H2, H3) as a suggestion. The block takes its new
 * type at once and is stamped `retype`, remembering the type it had (suggestion-retype.ts):
 *
 *   - changing it again keeps the first `from`, so ¶ → H2 → H3 is one suggestion from ¶, and
 *     changing it back to what it was withdraws the suggestion;
 *   - a block the person proposed themselves (a new block, or one split off by Enter) just
 *     changes type: its type is part of that suggestion, and rejecting it takes the block away;
 *   - a block carrying someone else's suggestion, or a proposed join (a block holds one
 *     stamp), is left alone; and Backspace at the start of a retyped block, proposing to join
 *     it to the one before, first gives it back its old type (suggest-replace.ts).
 *
 * Only the bare change of type is a suggestion: the ReplaceAroundStep that setBlockType and
 * setNodeMarkup make for one textblock, keeping its content as it is (retypeOf).
 */
import type { Attrs, NodeType } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { ReplaceAroundStep, type Step } from '@tiptap/pm/transform'
import { breakIntoBlocks, breakOffsets } from '../../model/schema/suggestion-breaks'
import { SUGGESTION_ATTRIBUTE, type BlockSuggestion, type SuggestionStamp } from '../../model/schema/suggestion-model'
import { markup, markupOf, sameMarkup } from '../../model/schema/suggestion-retype'
import { blockSuggestionOf, insertionOf, isSuggestible, stampOnly } from '../../model/schema/suggestion-stamps'
import { newStamp, type Suggester } from './suggester'

export interface Retype {
  /** Where the block starts, in the step's document. */
  at: number
  type: NodeType
  attrs: Attrs
}

/** The new type a step gives one textblock, keeping its content; null for any other step. */
export function retypeOf(step: Step): Retype | null {
  // `structure` (the step may only move structure, never content) is missing from the typings.
  if (!(step instanceof ReplaceAroundStep) || !(step as unknown as { structure: boolean }).structure || step.insert !== 1) return null
  const { slice } = step
  if (slice.openStart !== 0 || slice.openEnd !== 0 || slice.content.childCount !== 1) return null
  const node = slice.content.firstChild!
  if (!node.isTextblock || node.content.size !== 0) return null
  if (step.gapFrom !== step.from + 1 || step.gapTo !== step.to - 1) return null
  return { at: step.from, type: node.type, attrs: node.attrs }
}

/**
 * Gives the textblock at `pos` the type `retype`, as a suggestion by `who`. False when it cannot.
 * If the person proposed paragraph breaks inside the block, only the part between them holding
 * `selection` changes type: those breaks become real proposed blocks first (splitOwnBreaks).
 */
export function suggestRetype(tr: Transaction, at: number, retype: Retype, who: Suggester, selection: { from: number; to: number }): boolean {
  const pos = splitOwnBreaks(tr, at, selection, who)
  const node = tr.doc.nodeAt(pos)
  if (!node?.isTextblock || !isSuggestible(node) || !interchangeable(node.type, retype.type)) return false
  const $pos = tr.doc.resolve(pos)
  if (!$pos.parent.canReplaceWith($pos.index(), $pos.index() + 1, retype.type)) return false
  const target = markup(retype.type, retype.attrs)
  if (sameMarkup(markupOf(node), target)) return true
  const current = blockSuggestionOf(node)
  if (current && (current.author !== who.author || current.change === 'join' || current.change === 'remove')) return false
  let suggestion: BlockSuggestion | null = current
  if (!current || current.change === 'retype') {
    const from = current?.change === 'retype' ? current.from : markupOf(node)
    suggestion = sameMarkup(from, target) ? null : { ...(current ? stampOnly(current) : newStamp(who)), change: 'retype', from }
  }
  tr.setNodeMarkup(pos, retype.type, { ...target.attrs, [SUGGESTION_ATTRIBUTE]: suggestion }, node.marks)
  return true
}

/**
 * Types that hold the same content, formatting and whitespace: paragraphs and headings, not code
 * blocks. Whatever is typed, joined or split into a retyped block while it is pending must still
 * fit its old type when the change is rejected (bold typed in a paragraph that was a code block
 * could not go back into one).
 */
function interchangeable(a: NodeType, b: NodeType): boolean {
  return a === b || (a.spec.content === b.spec.content && a.spec.marks === b.spec.marks && a.whitespace === b.whitespace && a.spec.code === b.spec.code)
}

/**
 * Makes the person's own paragraph breaks (PARAGRAPH_BREAK) on either side of `selection` in the
 * textblock at `pos` real proposed blocks, stamped `split` as the break was, so that the part
 * holding the selection is a block of its own; returns where that block starts. This moves the text
 * after each break into its new block, which a break as a character exists to avoid: it is done
 * only here, when the person changes the type of what they split off.
 */
function splitOwnBreaks(tr: Transaction, pos: number, selection: { from: number; to: number }, who: Suggester): number {
  const node = tr.doc.nodeAt(pos)
  if (!node?.isTextblock) return pos
  const breaks: Array<{ at: number; stamp: SuggestionStamp }> = []
  node.forEach((child, offset) => {
    const stamp = insertionOf(child.marks)
    if (child.isText && stamp?.author === who.author) for (const at of breakOffsets(child.text ?? '')) breaks.push({ at: pos + 1 + offset + at, stamp })
  })
  const after = breaks.find(({ at }) => at >= selection.to)
  const before = breaks.filter(({ at }) => at < selection.from).at(-1)
  // The later one first, so that the earlier position still holds.
  for (const found of [after, before]) if (found) breakIntoBlocks(tr, found.at, { ...stampOnly(found.stamp), change: 'split' })
  // Where the text after the break now starts, less one: the block holding it.
  return before ? tr.mapping.maps.at(-1)!.map(before.at + 1, 1) - 1 : pos
}
