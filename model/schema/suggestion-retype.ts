/**
 * A proposed change of block type (a paragraph made a heading, a heading's level changed):
 * the block has its new type at once, and its `retype` stamp (suggestion-model.ts) keeps the
 * type and attributes it had, for rejecting it and for the server's accepted text.
 *
 * Shared by suggesting mode, decisions and the review list.
 */
import type { Attrs, Node as ProseMirrorNode, NodeType } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'
import { SUGGESTION_ATTRIBUTE, type BlockMarkup } from './suggestion-model'

/** The node's type and attributes, without its suggestion. */
export function markupOf(node: ProseMirrorNode): BlockMarkup {
  return markup(node.type, node.attrs)
}

/** `type` with `attrs` (defaults filled in), without a suggestion. */
export function markup(type: NodeType, attrs: Attrs | null): BlockMarkup {
  const { [SUGGESTION_ATTRIBUTE]: _suggestion, ...rest } = type.create(attrs).attrs
  return { type: type.name, attrs: rest }
}

export function sameMarkup(a: BlockMarkup, b: BlockMarkup): boolean {
  return a.type === b.type && sorted(a.attrs) === sorted(b.attrs)
}

/** How people call a block type: "paragraph", "heading 2", "code block". */
export function blockTypeName({ type, attrs }: BlockMarkup): string {
  if (type === 'heading') return `heading ${String(attrs.level ?? '')}`.trim()
  if (type === 'codeBlock') return 'code block'
  return type
}

/**
 * Gives the block at `pos` back the type it had, without its stamp: rejecting or withdrawing a
 * change of type. A type that no longer fits there (or that the schema lost) cannot come back;
 * the stamp goes all the same.
 */
export function restoreType(tr: Transform, pos: number, from: BlockMarkup): void {
  const type = tr.doc.type.schema.nodes[from.type]
  const node = tr.doc.nodeAt(pos)!
  const $pos = tr.doc.resolve(pos)
  const fits = type && type.validContent(node.content) && $pos.parent.canReplaceWith($pos.index(), $pos.index() + 1, type)
  if (fits) tr.setNodeMarkup(pos, type, { ...from.attrs, [SUGGESTION_ATTRIBUTE]: null }, node.marks)
  else tr.setNodeAttribute(pos, SUGGESTION_ATTRIBUTE, null)
}

/** Attributes as JSON with sorted keys, nulls left out: y-prosemirror stores no attribute whose value is null. */
function sorted(attrs: Record<string, unknown>): string {
  const entries = Object.entries(attrs).filter(([, value]) => value !== null && value !== undefined)
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
