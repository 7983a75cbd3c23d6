/**
 * Who is suggesting, and the stamp their next change carries.
 *
 * A change right next to one of the person's own pending suggestions continues it (same
 * id), so typing a sentence, or deleting a word and typing its replacement, is one
 * suggestion rather than one per keystroke, as in Google Docs. Anything else starts a new one.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { newSuggestionId, type SuggestionStamp } from '../../model/schema/suggestion-model'
import { blockSuggestionOf, deletionsOf, insertionOf } from '../../model/schema/suggestion-stamps'

export interface Suggester {
  /** The suggesting person's user id. */
  readonly author: string
  readonly now: () => number
  readonly newId: () => string
}

export function suggester(author: string): Suggester {
  return { author, now: Date.now, newId: newSuggestionId }
}

/** The stamp for a change of [from, to) in `doc`: an adjacent own suggestion's, or a new one. */
export function stampFor(doc: ProseMirrorNode, from: number, to: number, who: Suggester): SuggestionStamp {
  return adjacentOwnStamp(doc, from, to, who.author) ?? newStamp(who)
}

export function newStamp(who: Suggester): SuggestionStamp {
  return { id: who.newId(), author: who.author, createdAt: who.now() }
}

function adjacentOwnStamp(doc: ProseMirrorNode, from: number, to: number, author: string): SuggestionStamp | null {
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  const candidates = [
    ...stampsOf($from.nodeBefore),
    ...stampsOf($to.nodeAfter),
    // At the start of a block this person proposed (after pressing Enter), typing continues it.
    ...($from.parentOffset === 0 ? blockStamps($from.parent) : []),
  ]
  return candidates.find((stamp) => stamp.author === author) ?? null
}

function stampsOf(node: ProseMirrorNode | null | undefined): SuggestionStamp[] {
  if (!node) return []
  return [...(node.isText ? [] : blockStamps(node)), ...[insertionOf(node.marks)].flatMap((stamp) => stamp ?? []), ...deletionsOf(node.marks)]
}

/** A block's proposed boundary, or the block itself if proposed. Not a change of its type: that is about the whole block, not a place in its text. */
function blockStamps(node: ProseMirrorNode): SuggestionStamp[] {
  const suggestion = blockSuggestionOf(node)
  return suggestion && suggestion.change !== 'retype' ? [{ id: suggestion.id, author: suggestion.author, createdAt: suggestion.createdAt }] : []
}
