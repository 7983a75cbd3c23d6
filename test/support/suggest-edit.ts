/**
 * One edit made the way a contributor's editor makes it: a ProseMirror transaction on the
 * client's current content, turned into a suggestion by suggesting mode, written to the
 * Y.Doc by the same binding the editor uses. For tests that need each kind of suggestion.
 */
import { getSchema } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { randomUUID } from 'node:crypto'
import type * as Y from 'yjs'
import { DOCUMENT_FRAGMENT, documentExtensions } from '../../model/schema/extensions'
import { suggestTransaction } from '../../editor/suggesting/suggest-transaction'

export const schema = getSchema(documentExtensions())

export function contentOf(doc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FRAGMENT), schema)
}

/** An edit, given the transaction to make it on and a finder of text positions. */
export type SuggestEdit = (tr: Transaction, find: (text: string) => number) => unknown

/** Makes `edit` as a suggestion by `author` (a user id); returns the new suggestion's id. */
export function suggestEdit(doc: Y.Doc, author: string, edit: SuggestEdit): string {
  const state = EditorState.create({ schema, doc: contentOf(doc) })
  const id = randomUUID()
  const tr = state.tr
  edit(tr, (text) => positionOf(state.doc, text))
  const { transaction } = suggestTransaction(tr, state, { author, now: () => Date.now(), newId: () => id })
  write(doc, state.apply(transaction).doc)
  return id
}

/** Makes `edit` directly, as a maintainer in editing mode does. */
export function editDirectly(doc: Y.Doc, edit: SuggestEdit): void {
  const state = EditorState.create({ schema, doc: contentOf(doc) })
  const tr = state.tr
  edit(tr, (text) => positionOf(state.doc, text))
  write(doc, tr.doc)
}

function write(doc: Y.Doc, content: ProseMirrorNode): void {
  doc.transact(() => updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FRAGMENT), content, { mapping: new Map(), isOMark: new Map() }))
}

/** The position of the first occurrence of `text` in a text node. */
export function positionOf(doc: ProseMirrorNode, text: string): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found >= 0) return false
    const at = node.isText ? (node.text ?? '').indexOf(text) : -1
    if (at >= 0) found = pos + at
    return found < 0
  })
  if (found < 0) throw new Error(`"${text}" is not in the document`)
  return found
}
