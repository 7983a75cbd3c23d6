/**
 * A proposed wrapper: blocks put in a list or a quote. The wrapper nodes the change made (the
 * list and each of its items, or the quote) are in the document at once, each stamped `wrap`
 * (suggestion-model.ts); what they hold is accepted text as it was. Accepting clears the
 * stamps; rejecting, or withdrawing, takes the wrappers away and leaves their content where
 * they were (unwrapSuggestion).
 *
 * Shared by suggesting mode, decisions and the review list.
 */
import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'
import { blockSuggestionOf } from './suggestion-stamps'

/** How people call a wrapper: "bulleted list", "numbered list", "quote". */
export function wrapperName(type: string): string {
  if (type === 'bulletList') return 'bulleted list'
  if (type === 'orderedList') return 'numbered list'
  if (type === 'blockquote') return 'quote'
  return type
}

/**
 * Takes away each wrapper `id` proposed to take away (`unwrap`), leaving what it holds: a
 * list its items' blocks, a quote its blocks. Last first, so earlier positions hold.
 */
export function liftOutSuggestion(tr: Transform, id: string): void {
  const found: Array<{ pos: number; node: ProseMirrorNode }> = []
  tr.doc.descendants((node, pos) => {
    const suggestion = blockSuggestionOf(node)
    if (suggestion?.change !== 'unwrap' || suggestion.id !== id) return true
    found.push({ pos, node })
    return false
  })
  for (const { pos, node } of found.reverse()) {
    const blocks: ProseMirrorNode[] = []
    node.forEach((child) => (isList(node) ? child.forEach((inner) => blocks.push(inner)) : blocks.push(child)))
    tr.replaceWith(pos, pos + node.nodeSize, Fragment.from(blocks))
  }
}

/** Lists hold items, which hold the blocks. */
export function isList(node: ProseMirrorNode): boolean {
  return node.type.name === 'bulletList' || node.type.name === 'orderedList'
}

/** Is this node a wrapper proposed by `id`? */
export function isWrapBy(node: ProseMirrorNode, id: string): boolean {
  const suggestion = blockSuggestionOf(node)
  return suggestion?.change === 'wrap' && suggestion.id === id
}

/**
 * Replaces each outermost wrapper proposed by `id` with what it holds, itself unwrapped: a
 * list gives back its items' blocks, a quote its blocks. Last first, so earlier positions hold.
 */
export function unwrapSuggestion(tr: Transform, id: string): void {
  const found: Array<{ pos: number; node: ProseMirrorNode }> = []
  tr.doc.descendants((node, pos) => {
    if (!isWrapBy(node, id)) return true
    found.push({ pos, node })
    return false
  })
  for (const { pos, node } of found.reverse()) tr.replaceWith(pos, pos + node.nodeSize, unwrapped(node, id))
}

/**
 * A list item split off one of the wrapper's items (Enter in a proposed list) goes with it:
 * the paragraph inside it carries that proposed break, which stays a suggestion.
 */
function unwrapped(node: ProseMirrorNode, id: string): Fragment {
  const children: ProseMirrorNode[] = []
  let previousIsWrapper = false
  node.forEach((child) => {
    const splitOff = previousIsWrapper && blockSuggestionOf(child)?.change === 'split'
    previousIsWrapper = isWrapBy(child, id) || splitOff
    if (previousIsWrapper) unwrapped(child, id).forEach((inner) => children.push(inner))
    else children.push(child)
  })
  return Fragment.from(children)
}
