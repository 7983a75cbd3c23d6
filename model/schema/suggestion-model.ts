/**
 * What a suggestion is, in the document itself. Suggestions live in the shared Yjs
 * document as marks and block attributes (docs/suggestions.md explains why), each stamped
 * with who made it:
 *
 *   insertion     mark: text someone proposes to add. Not part of the accepted text yet. It may
 *                 hold PARAGRAPH_BREAK or LINE_BREAK, a break proposed inside the text.
 *   deletion      mark: accepted text someone proposes to remove. Several people may propose
 *                 removing the same text, so deletion marks may overlap (one per suggestion).
 *   formatChange  mark: accepted text whose formatting someone changed. The text shows the new
 *                 formatting; the mark remembers which marks were added and removed. Two
 *                 people may change the same words' formatting at once, so these overlap too.
 *   suggestion    attribute of a block (and of an inline leaf like a line break):
 *                   `split`  the block boundary before this node is proposed (Enter, a pasted
 *                            paragraph); rejecting it joins the node to the one before;
 *                   `join`   the boundary before this node is proposed for removal;
 *                   `insert` the whole node is new, proposed with everything in it;
 *                   `remove` (leaves: a line break, a rule) the node is proposed for removal;
 *                   `retype` the textblock's type or attributes are proposed (a paragraph made a
 *                            heading): the node has its new type, and `from` keeps the one it had;
 *                   `wrap`   the wrapper node (a list and each of its items, a quote) is proposed
 *                            around blocks that were not in it: its content is accepted text,
 *                            the wrapper is not (suggestion-wrap.ts);
 *                   `unwrap` the wrapper (an accepted list or quote) is proposed for taking away,
 *                            leaving what it holds where it is.
 *                 Leaves carry their suggestion as an attribute because Yjs keeps no marks on
 *                 them.
 *
 * The accepted text, which the server protects, is the document with every insertion,
 * proposed boundary and proposed wrapper taken out and every deletion, format change and retype undone.
 *
 * No React and no DOM here: the server reads these names and shapes too.
 */

export const INSERTION = 'insertion'
export const DELETION = 'deletion'
export const FORMAT_CHANGE = 'formatChange'
/** The block attribute carrying a BlockSuggestion. */
export const SUGGESTION_ATTRIBUTE = 'suggestion'

export const SUGGESTION_MARKS: readonly string[] = [INSERTION, DELETION, FORMAT_CHANGE]

/**
 * A paragraph break proposed in the middle of a block's text (Enter with text after the caret): a
 * character of the text, carrying its author's insertion mark, that the editor draws as a break.
 * Splitting the block itself would move the text after the caret (Yjs can only delete text and
 * write it again elsewhere), and whatever someone else did to that text at the same moment (typing
 * into it, striking it out, pressing Enter in it too) would stay behind on the deleted copy. As a
 * character it moves nothing: accepting it splits the block there, rejecting it deletes it.
 */
export const PARAGRAPH_BREAK = '\u2029'

/** A line break (Shift+Enter) proposed in the middle of a block's text: a character, as PARAGRAPH_BREAK is, for the same reason. */
export const LINE_BREAK = '\u2028'

/** Who proposed a change, and when (ms since 1970, the author's clock: the server keeps its own record). */
export interface SuggestionStamp {
  /** Shared by every piece of one suggestion: the deletion and insertion of a replacement, a pasted paragraph's text and boundary. */
  id: string
  /** The author's user id. The server refuses a stamp that names anyone but the sender. */
  author: string
  createdAt: number
}

/** A mark as ProseMirror serialises it. */
export interface MarkJSON {
  type: string
  attrs?: Record<string, unknown>
}

export interface FormatChangeAttrs extends SuggestionStamp {
  added: MarkJSON[]
  removed: MarkJSON[]
}

export type BoundaryChange = 'split' | 'join' | 'insert' | 'remove' | 'wrap' | 'unwrap'

export interface BoundarySuggestion extends SuggestionStamp {
  change: BoundaryChange
}

/** A node type and its attributes, without its suggestion: what a retyped block was. JSON, as Yjs stores it. */
export interface BlockMarkup {
  type: string
  attrs: Record<string, unknown>
}

export interface RetypeSuggestion extends SuggestionStamp {
  change: 'retype'
  from: BlockMarkup
}

export type BlockSuggestion = BoundarySuggestion | RetypeSuggestion

export function isSuggestionStamp(value: unknown): value is SuggestionStamp {
  if (typeof value !== 'object' || value === null) return false
  const { id, author, createdAt } = value as Record<string, unknown>
  return typeof id === 'string' && typeof author === 'string' && typeof createdAt === 'number'
}

export function isBlockSuggestion(value: unknown): value is BlockSuggestion {
  if (!isSuggestionStamp(value)) return false
  const { change, from } = value as unknown as Record<string, unknown>
  if (change === 'retype') return isBlockMarkup(from)
  return change === 'split' || change === 'join' || change === 'insert' || change === 'remove' || change === 'wrap' || change === 'unwrap'
}

export function isBlockMarkup(value: unknown): value is BlockMarkup {
  if (typeof value !== 'object' || value === null) return false
  const { type, attrs } = value as Record<string, unknown>
  return typeof type === 'string' && typeof attrs === 'object' && attrs !== null && !Array.isArray(attrs)
}

/** A fresh suggestion id: random, because several people create them at once. */
export function newSuggestionId(): string {
  return globalThis.crypto.randomUUID()
}
