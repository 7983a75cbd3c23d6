/**
 * Random documents and random editing sessions, as fast-check arbitraries, for the
 * property tests of suggesting mode (test/suggestions/random-sessions.test.ts).
 *
 * Commands are abstract: positions are indices into whatever inline positions the document
 * has when the command runs (editing-commands.ts resolves them), so a session stays
 * meaningful however earlier commands changed the document, and shrinks well.
 */
import type { JSONContent } from '@tiptap/core'
import fc from 'fast-check'

export type FormatMark = 'bold' | 'italic'

export type EditCommand =
  /** Types `text` at a caret. */
  | { kind: 'type'; who: number; at: number; text: string }
  /** Selects a range and presses Delete. The range may cross blocks unless `inBlock`. */
  | { kind: 'delete'; who: number; at: number; span: number; inBlock: boolean }
  /** Selects a range and types over it. The range may cross blocks unless `inBlock`. */
  | { kind: 'replace'; who: number; at: number; span: number; text: string; inBlock: boolean }
  /** Presses Enter at a caret: splits the paragraph, or the list item. */
  | { kind: 'enter'; who: number; at: number }
  /** Presses Backspace at the start of a block: joins it to the block before. */
  | { kind: 'backspace'; who: number; block: number }
  /** Selects a range and adds or removes bold or italic. */
  | { kind: 'format'; who: number; at: number; span: number; mark: FormatMark; add: boolean }
  /** Puts the caret in a block and presses ¶, H1, H2 or H3 (0 is ¶). */
  | { kind: 'retype'; who: number; at: number; level: BlockLevel }
  /** Puts the caret in a block and presses the bulleted list, numbered list or quote button. */
  | { kind: 'wrap'; who: number; at: number; wrapper: Wrapper }

/** The toolbar's wrappers. */
export type Wrapper = 'bulletList' | 'orderedList' | 'blockquote'

/** The toolbar's block types: 0 for a paragraph, else a heading level. */
export type BlockLevel = 0 | 1 | 2 | 3

/**
 * How the contributors take a round:
 *   turn      one contributor edits, everyone syncs;
 *   together  several edit at once, online: nobody sees the others' edits before making their own;
 *   offline   several edit while disconnected, then reconnect.
 */
export type RoundMode = 'turn' | 'together' | 'offline'

export interface Round {
  mode: RoundMode
  edits: EditCommand[]
  /**
   * In a concurrent round, everyone types into the top-level block at `lanes` modulo the number of
   * blocks the round starts with, if it has text in it or at most two are typing; any other edit by
   * the k-th contributor goes into the block k + 1 after it, and one who finds no block left for it
   * waits for the next round (see session()).
   */
  lanes: number
}

// Letters, a space and a non-ASCII letter: enough to tell pieces apart, short enough to read in a counterexample.
const typed = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'é'), minLength: 1, maxLength: 4 })
// Up to about two blocks of the small documents below: deletions that cross blocks, and ones that do not.
const span = fc.nat({ max: 30 })
const position = fc.nat({ max: 1000 })

/**
 * One command by one of `contributors`. Without `structural`, only edits inside one block:
 * typing, deleting and replacing within a paragraph, formatting.
 */
export function editCommand(contributors: number, { structural }: { structural: boolean }): fc.Arbitrary<EditCommand> {
  const who = fc.nat({ max: contributors - 1 })
  const inBlock = structural ? fc.boolean() : fc.constant(true)
  const inside: Array<fc.WeightedArbitrary<EditCommand>> = [
    { arbitrary: fc.record({ kind: fc.constant('type' as const), who, at: position, text: typed }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), who, at: position, span, inBlock }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('replace' as const), who, at: position, span, text: typed, inBlock }), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant('format' as const),
        who,
        at: position,
        span,
        mark: fc.constantFrom<FormatMark>('bold', 'italic'),
        add: fc.boolean(),
      }),
      weight: 2,
    },
  ]
  if (!structural) return fc.oneof(...inside)
  return fc.oneof(
    ...inside,
    { arbitrary: fc.record({ kind: fc.constant('enter' as const), who, at: position }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('backspace' as const), who, block: position }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('retype' as const), who, at: position, level: fc.constantFrom<BlockLevel>(0, 1, 2, 3) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('wrap' as const), who, at: position, wrapper: fc.constantFrom<Wrapper>('bulletList', 'orderedList', 'blockquote') }), weight: 1 },
  )
}

/**
 * A short session of rounds in the given modes.
 *
 * Concurrent rounds (together, offline) are restricted to what y-prosemirror's binding
 * (@tiptap/y-tiptap, as patched in patches/) writes without touching what the others are editing;
 * the limits are the binding's, not suggesting mode's, and each was found by this test as a 4422:
 *
 *   - everyone types into one shared block (with text in it, if three or more type), which the
 *     patched binding keeps apart (it inserts text inside its own formatting). Into an empty
 *     block, each person's first letter makes a text node of its own, and each editor then moves
 *     its own node's text into the node before it (y-prosemirror#160); with three or more at
 *     once, one person's move can delete a node someone else's letter was just moved into (two at
 *     once are fine, and tested). Every other edit goes into a block of its own (Round.lanes). On
 *     such edits the binding writes the stretch of a paragraph's text between the first and the
 *     last character the edit changed as new Yjs items, and formats the whole paragraph again; a
 *     concurrent edit anchored in that stretch lands elsewhere, or loses its marks
 *     (yjs/y-prosemirror#161);
 *   - edits stay inside blocks: no Enter, no Backspace joining blocks, no deletion across them.
 *     Enter moves text to a new paragraph by deleting and writing it again, which duplicates it
 *     when two people do it at once; and a new block makes the binding re-check the blocks after
 *     it, where it finds text with two marks of one kind (two people's deletions of the same
 *     words) unequal to itself, since it compares each Yjs attribute with the first mark of
 *     that name, and writes its formatting again over the others' concurrent marks.
 *
 * The server then rightly refuses the second update, whose merged result changes the accepted
 * text or someone's suggestion, and that contributor starts again from the server's copy.
 * Structure is changed in turns, changes of block type too: the binding writes a block whose
 * type changed as a new element, its text written again.
 */
export function session(contributors: number, modes: readonly RoundMode[]): fc.Arbitrary<Round[]> {
  const round = fc.constantFrom(...modes).chain((mode) =>
    fc.record({
      mode: fc.constant(mode),
      edits: fc.array(editCommand(contributors, { structural: mode === 'turn' }), { minLength: 1, maxLength: 4 }),
      lanes: fc.nat({ max: 4 }),
    }),
  )
  return fc.array(round, { minLength: 1, maxLength: 4 })
}

const words = fc.constantFrom('We write', 'in public', 'every idea', 'counts', 'last words')
const inline = fc.array(
  fc.record({ text: words, marks: fc.subarray(['bold', 'italic']) }).map(({ text, marks }): JSONContent => ({
    type: 'text',
    text: `${text} `,
    ...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}),
  })),
  { minLength: 0, maxLength: 3 },
)
const paragraph = inline.map((content): JSONContent => ({ type: 'paragraph', ...(content.length > 0 ? { content } : {}) }))
const heading = fc.record({ level: fc.constantFrom(1, 2), content: inline }).map(
  ({ level, content }): JSONContent => ({ type: 'heading', attrs: { level }, ...(content.length > 0 ? { content } : {}) }),
)
const list = fc.record({ type: fc.constantFrom('bulletList', 'orderedList'), items: fc.array(paragraph, { minLength: 1, maxLength: 3 }) }).map(
  ({ type, items }): JSONContent => ({ type, content: items.map((item) => ({ type: 'listItem', content: [item] })) }),
)
const quote = paragraph.map((content): JSONContent => ({ type: 'blockquote', content: [content] }))
// A code block takes no formatting: bold and italic there must suggest nothing.
const code = fc.constantFrom('', 'let x = 1').map((text): JSONContent => ({ type: 'codeBlock', ...(text ? { content: [{ type: 'text', text }] } : {}) }))

/**
 * A small document: a few paragraphs, headings, lists and quotes, with some bold and italic,
 * and code blocks unless left out.
 */
export function startingDocument({ codeBlocks }: { codeBlocks: boolean }): fc.Arbitrary<JSONContent> {
  const blocks = [heading, list, quote, ...(codeBlocks ? [code] : [])]
  return fc
    .array(fc.oneof({ arbitrary: paragraph, weight: 3 }, ...blocks), { minLength: 2, maxLength: 5 })
    .map((content) => ({ type: 'doc', content }))
}
