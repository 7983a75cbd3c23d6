/**
 * Putting blocks in a list or a quote as a suggestion (the bullet list, numbered list and
 * quote buttons). The wrappers the change makes (the list and each of its items, or the quote)
 * go into the document at once, each stamped `wrap` by its author (suggestion-wrap.ts); the
 * blocks inside are left as they are, so the accepted text does not change.
 *
 *   - only a bare wrap is a suggestion: the ReplaceAroundStep that wrapIn and wrapInList make,
 *     and the splits that give each block its own list item. A list beside it is not joined
 *     to the new one (Tiptap's toggleList does that next): joining would change accepted text.
 *     Blocks carrying a block suggestion (a proposed paragraph, join or type), or followed by a
 *     proposed break or join, stay unwrapped;
 *   - lifting blocks out of a wrapper their author proposed (pressing the same button again)
 *     withdraws that whole suggestion: the wrappers go, for real, and leave no stamp;
 *   - lifting blocks out of an accepted list or quote proposes taking the whole list or quote
 *     away: it is stamped `unwrap` and stays until a maintainer accepts. Indenting and
 *     outdenting a list item (a list inside a list) have no suggestion form yet: refused.
 */
import type { Fragment, Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { ReplaceAroundStep, ReplaceStep, type Step } from '@tiptap/pm/transform'
import { SUGGESTION_ATTRIBUTE } from '../../model/schema/suggestion-model'
import { blockSuggestionOf, isSuggestible } from '../../model/schema/suggestion-stamps'
import { isList, unwrapSuggestion } from '../../model/schema/suggestion-wrap'
import { retypeOf } from './suggest-retype'
import { newStamp, type Suggester } from './suggester'

/** What suggestWrap made of a transaction: not a wrap or lift at all, done in `tr`, or refused. */
export type WrapOutcome = 'none' | 'done' | 'refused'

/** Makes `original`, if it wraps blocks or lifts them out of a wrapper, into a suggestion in `tr` (a fresh state.tr). */
export function suggestWrap(tr: Transaction, original: Transaction, state: EditorState, who: Suggester): WrapOutcome {
  const [first, ...rest] = original.steps
  if (!first) return 'none'
  if (isWrap(first)) return wrap(tr, first, rest, state, who) ? 'done' : 'refused'
  const lifting = original.steps.every((step, index) => isLift(step) || movesNoContent(step, original.docs[index]!))
  if (lifting && original.steps.some(isLift) && sameTextblocks(original.before, original.doc) && liftsSelection(original, state)) {
    return withdrawOwnWrap(tr, state, who) ?? proposeUnwrap(tr, state, who) ? 'done' : 'refused'
  }
  return 'none'
}

function wrap(tr: Transaction, step: ReplaceAroundStep, rest: Step[], state: EditorState, who: Suggester): boolean {
  // Splits give each wrapped block its own list item; joins, with a list beside it, come last.
  const splitCount = rest.findIndex((other) => !isStructureOnly(other) || (other as ReplaceStep).from !== (other as ReplaceStep).to)
  const splits = splitCount < 0 ? rest : rest.slice(0, splitCount)
  if (!rest.slice(splits.length).every(isStructureOnly)) return false
  const blocks = blocksIn(state.doc, step.from, step.to)
  if (blocks.some(({ node }) => carriesBlockSuggestion(node)) || boundaryProposedAfter(state.doc, step.to)) return false
  const depth = state.doc.resolve(step.from).depth
  for (const applied of [step, ...splits]) if (tr.maybeStep(applied).failed) return false
  const stamp = { ...newStamp(who), change: 'wrap' as const }
  const wrappers = new Set<number>()
  for (const { pos } of blocks) {
    const $block = tr.doc.resolve(tr.mapping.map(pos, 1))
    for (let level = depth + 1; level <= $block.depth; level++) wrappers.add($block.before(level))
  }
  if ([...wrappers].some((pos) => !isSuggestible(tr.doc.nodeAt(pos)!))) return false
  for (const pos of wrappers) tr.setNodeAttribute(pos, SUGGESTION_ATTRIBUTE, stamp)
  return true
}

/**
 * Does `from`–`to` take in the edge of a proposed wrapper (a deletion or a join from inside a
 * proposed list or quote, or one proposed for taking away, to outside it, or of the whole of one)? Such a change is left out:
 * once the wrapper was accepted or rejected it would join different blocks.
 */
export function crossesProposedWrapper(doc: ProseMirrorNode, from: number, to: number): boolean {
  let crosses = false
  doc.nodesBetween(from, to, (node, pos) => {
    const end = pos + node.nodeSize
    const change = blockSuggestionOf(node)?.change
    if ((change === 'wrap' || change === 'unwrap') && ((from <= pos && pos < to) || (from < end && end <= to))) crosses = true
    return !crosses
  })
  return crosses
}

/** Takes away the wrapper around the selection that `who` proposed, with the rest of that suggestion; null when there is none. */
function withdrawOwnWrap(tr: Transaction, state: EditorState, who: Suggester): boolean | null {
  const { $from } = state.selection
  for (let level = $from.depth; level > 0; level--) {
    const suggestion = blockSuggestionOf($from.node(level))
    if (suggestion?.change === 'wrap' && suggestion.author === who.author) {
      // A list item someone else split off in it would lose its stamp: theirs to withdraw, not ours.
      const before = othersBlockStamps(tr.doc, who)
      unwrapSuggestion(tr, suggestion.id)
      return othersBlockStamps(tr.doc, who) === before
    }
  }
  return null
}

/**
 * Stamps the list or quote around the selection `unwrap`: proposed for taking away, whole. A
 * list inside a list item (outdenting), or a wrapper already carrying a suggestion, is left alone.
 */
function proposeUnwrap(tr: Transaction, state: EditorState, who: Suggester): boolean {
  const { $from } = state.selection
  for (let level = $from.depth; level > 0; level--) {
    const node = $from.node(level)
    if (!isList(node) && node.type.name !== 'blockquote') continue
    for (let above = level - 1; above > 0; above--) if ($from.node(above).type.name === 'listItem' || isList($from.node(above))) return false
    const current = blockSuggestionOf(node)
    if (current) return current.change === 'unwrap' && current.author === who.author
    if (!isSuggestible(node)) return false
    tr.setNodeAttribute($from.before(level), SUGGESTION_ATTRIBUTE, { ...newStamp(who), change: 'unwrap' })
    return true
  }
  return false
}

/** Does the transaction bring the selection's block up a level, as lifting does (sinking brings it down)? */
function liftsSelection(original: Transaction, state: EditorState): boolean {
  const { $from } = state.selection
  return original.doc.resolve(original.mapping.map($from.pos)).depth < $from.depth
}

/** A lift keeps every textblock and its text; a deletion across blocks, which ProseMirror may also make as a ReplaceAroundStep, joins some. */
function sameTextblocks(before: ProseMirrorNode, after: ProseMirrorNode): boolean {
  const textblocks = (doc: ProseMirrorNode) => {
    const found: string[] = []
    doc.descendants((node) => {
      if (node.isTextblock) found.push(node.textContent)
      return !node.isTextblock
    })
    return found
  }
  return JSON.stringify(textblocks(before)) === JSON.stringify(textblocks(after))
}

function othersBlockStamps(doc: ProseMirrorNode, who: Suggester): number {
  let count = 0
  doc.descendants((node) => {
    const suggestion = blockSuggestionOf(node)
    if (suggestion && suggestion.author !== who.author) count += 1
  })
  return count
}

/** The blocks between `from` and `to`, children of one parent, with their positions. */
function blocksIn(doc: ProseMirrorNode, from: number, to: number): Array<{ node: ProseMirrorNode; pos: number }> {
  const blocks: Array<{ node: ProseMirrorNode; pos: number }> = []
  const $from = doc.resolve(from)
  for (let index = $from.index(), pos = from; pos < to && index < $from.parent.childCount; index++) {
    const node = $from.parent.child(index)
    blocks.push({ node, pos })
    pos += node.nodeSize
  }
  return blocks
}

/**
 * Is the boundary after the wrapped blocks a proposed break or join? The wrapper would come between
 * its two sides. The next block may start only after the ends of blocks around the wrapped ones (a
 * quote that ends there), and the stamp may sit on it or on its first child.
 */
function boundaryProposedAfter(doc: ProseMirrorNode, pos: number): boolean {
  let $pos = doc.resolve(pos)
  while (!$pos.nodeAfter && $pos.depth > 0) $pos = doc.resolve($pos.after($pos.depth))
  for (let node = $pos.nodeAfter; node && !node.isLeaf; node = node.firstChild) {
    const change = blockSuggestionOf(node)?.change
    if (change === 'split' || change === 'join') return true
    if (node.isTextblock) break
  }
  return false
}

function carriesBlockSuggestion(node: ProseMirrorNode): boolean {
  let found = blockSuggestionOf(node) !== null
  node.descendants((inner) => {
    if (blockSuggestionOf(inner)) found = true
    return !found
  })
  return found
}

/** Wrappers put around a range, keeping it whole: what wrapIn and wrapInList do first. */
function isWrap(step: Step): step is ReplaceAroundStep {
  if (!(step instanceof ReplaceAroundStep) || !structural(step)) return false
  const { slice } = step
  return step.from === step.gapFrom && step.to === step.gapTo && step.insert > 0 && slice.openStart === 0 && slice.openEnd === 0 && slice.size === 2 * step.insert
}

/**
 * Content taken out of wrappers (lift, liftListItem): structure moved, no content added. Not
 * necessarily marked `structure` (liftListItem's is not); it only ever leads to a withdrawal.
 */
function isLift(step: Step): boolean {
  if (!(step instanceof ReplaceAroundStep) || retypeOf(step) !== null) return false
  return (step.from < step.gapFrom || step.gapTo < step.to) && onlyStructure(step.slice.content)
}

/** A step that removes or adds node boundaries and nothing else, such as liftListItem's merging of items. */
function movesNoContent(step: Step, doc: ProseMirrorNode): boolean {
  return step instanceof ReplaceStep && onlyStructure(step.slice.content) && onlyStructure(doc.slice(step.from, step.to).content)
}

/** A split or a join: a step that only adds or removes node boundaries (empty nodes, for a split). */
function isStructureOnly(step: Step): boolean {
  return step instanceof ReplaceStep && structural(step) && onlyStructure(step.slice.content)
}

/** Node boundaries alone: no text and no leaf such as an image or a rule. */
function onlyStructure(content: Fragment): boolean {
  let only = true
  content.descendants((node) => {
    if (node.isLeaf) only = false
    return only
  })
  return only
}

// `structure` (the step may only move structure, never content) is missing from the typings.
function structural(step: ReplaceStep | ReplaceAroundStep): boolean {
  return (step as unknown as { structure: boolean }).structure
}
