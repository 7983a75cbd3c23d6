/**
 * What content a document may hold, as the sync core needs to know it: the root types a
 * client may write to, and, for every item an update adds, whether that kind of content
 * may sit in the place the update puts it.
 *
 * The core knows nothing of ProseMirror or of any schema; the document model supplies the
 * rules (server/documents/document-shape.ts). An update adding anything the rules refuse
 * is refused whole, before it touches the document: content the editor cannot render would
 * otherwise break every reader of the document, and the editor's binding deletes what it
 * cannot render, taking the text around it along.
 */
import type * as Y from 'yjs'

/**
 * Where an item sits: in a root type (by name), or in a shared type nested in the document;
 * under `key` when it is the value of a map entry (an element's attribute), else in the sequence.
 */
export type ItemPlace = ({ readonly root: string } | { readonly type: Y.AbstractType<any> }) & { readonly key: string | null }

export interface ContentShape {
  /** The root types a client may write to. */
  readonly roots: ReadonlySet<string>
  /** Why `item` may not be where it is, or null if it may. Deleted content is always allowed. */
  refusal(item: Y.Item, place: ItemPlace): string | null
}
