/**
 * Replaces one DecorationSet's contents with a new list, touching only what changed.
 *
 * DecorationSet.create is quadratic in the number of top-level blocks times decorations: on
 * a 100k-character document written in many small passages, building the set afresh on
 * every recomputation took tens of milliseconds, in the middle of someone's typing. Between
 * two recomputations almost every tint is the same, so the previous set (already mapped
 * through the edits) is kept, and only the decorations that appeared or disappeared are
 * removed from it and added to it, which costs in proportion to the change.
 *
 * Decorations are matched by position and by their spec's `key`, which stands for
 * everything they draw.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type Decoration, DecorationSet } from '@tiptap/pm/view'

const identity = (decoration: Decoration): string =>
  `${decoration.from}:${decoration.to}:${(decoration.spec as { key?: unknown }).key ?? ''}`

export function updateDecorations(previous: DecorationSet, doc: ProseMirrorNode, next: readonly Decoration[]): DecorationSet {
  if (previous === DecorationSet.empty) return DecorationSet.create(doc, [...next])
  const wanted = new Map<string, Decoration>()
  for (const decoration of next) wanted.set(identity(decoration), decoration)
  const stale: Decoration[] = []
  for (const decoration of previous.find()) {
    const id = identity(decoration)
    if (wanted.has(id)) wanted.delete(id)
    else stale.push(decoration)
  }
  if (stale.length === 0 && wanted.size === 0) return previous
  return previous.remove(stale).add(doc, [...wanted.values()])
}
