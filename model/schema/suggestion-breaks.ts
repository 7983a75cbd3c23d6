/**
 * Breaks proposed inside the text (PARAGRAPH_BREAK and LINE_BREAK, suggestion-model.ts): where they
 * are in a text, and turning one into a real block boundary or line break, which accepting it does
 * (decide-suggestion.ts), and so does, for a paragraph break, changing the type of what its author
 * split off (editor/suggesting/suggest-retype.ts).
 */
import { Fragment, Slice } from '@tiptap/pm/model'
import { ReplaceStep, type Transform } from '@tiptap/pm/transform'
import { PARAGRAPH_BREAK, SUGGESTION_ATTRIBUTE, type BlockSuggestion } from './suggestion-model'

/** The offsets of every proposed paragraph break (or, given LINE_BREAK, line break) in `text`. */
export function breakOffsets(text: string, character: string = PARAGRAPH_BREAK): number[] {
  const offsets: number[] = []
  for (let at = text.indexOf(character); at >= 0; at = text.indexOf(character, at + 1)) offsets.push(at)
  return offsets
}

/** Replaces the line break character at `pos` with a real line break, in one step. */
export function breakIntoLines(tr: Transform, pos: number): void {
  tr.step(new ReplaceStep(pos, pos + 1, new Slice(Fragment.from(tr.doc.type.schema.nodes.hardBreak!.create()), 0, 0)))
}

/**
 * Replaces the break character at `pos` with a real boundary, in one step, as ProseMirror's split
 * builds one: a position just before the break maps to the end of the first block and one just
 * after it to the start of the new one, whichever way it leans, as the text on either side goes.
 * A break in a list item's paragraph splits the item, as Enter there would have. The new blocks
 * carry `suggestion`, and nothing of the old block's.
 */
export function breakIntoBlocks(tr: Transform, pos: number, suggestion: BlockSuggestion | null): void {
  const $pos = tr.doc.resolve(pos)
  const depth = $pos.depth >= 2 && $pos.node(-1).type.name === 'listItem' ? 2 : 1
  let before = Fragment.empty
  let after = Fragment.empty
  for (let level = $pos.depth; level > $pos.depth - depth; level--) {
    const node = $pos.node(level)
    before = Fragment.from(node.copy(before))
    after = Fragment.from(node.type.create({ ...node.attrs, [SUGGESTION_ATTRIBUTE]: suggestion }, after))
  }
  tr.step(new ReplaceStep(pos, pos + 1, new Slice(before.append(after), depth, depth)))
}
