/**
 * Converts between the Yjs document and ProseMirror content, with the schema the
 * editor uses (model/schema/extensions.ts).
 */
import { getSchema, type Extensions, type JSONContent } from '@tiptap/core'
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model'
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT, DOCUMENT_ROOTS, documentExtensions } from '../../model/schema/extensions'
import type { ContentShape } from '../collab/content-shape'
import type { StoredChange } from '../storage/change-records'
import { documentShape } from './document-shape'
import { removeUnrenderable } from './unrenderable'

export interface DocumentModel {
  extensions: Extensions
  schema: Schema
  /** The schema as rules for Yjs content: what every update is checked against. */
  shape: ContentShape
  /** Told when reading skipped content that cannot be rendered, with why. */
  onUnrenderable: (reasons: string[]) => void
}

export function createDocumentModel(options: { onUnrenderable?: (reasons: string[]) => void } = {}): DocumentModel {
  const extensions = documentExtensions()
  const schema = getSchema(extensions)
  return { extensions, schema, shape: documentShape(schema, DOCUMENT_ROOTS), onUnrenderable: options.onUnrenderable ?? (() => undefined) }
}

/**
 * The first change of a new document holding `content`. The server writes it, so no
 * person is its author: text in it is shown as starter text.
 */
export function initialChange(model: DocumentModel, content: JSONContent, time: number): StoredChange {
  const doc = prosemirrorJSONToYDoc(model.schema, content, DOCUMENT_FRAGMENT)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { update, author: null, time }
}

/**
 * Reads the document as ProseMirror content. It reads a copy: y-prosemirror
 * deletes elements that do not fit the schema while reading, and reading must
 * never change the live document.
 *
 * Content the schema does not allow (left by updates from before every update was checked)
 * is skipped, and reported to the model's onUnrenderable: the rest of the document still reads.
 */
export function readContent(model: DocumentModel, doc: Y.Doc): ProseMirrorNode {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  try {
    const reasons = removeUnrenderable(copy, model.shape).map(({ reason }) => reason)
    // What is left breaks only order and count rules ("a list item starts with a paragraph"); y-prosemirror drops such blocks.
    let dropped = 0
    copy.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.deleteSet.clients.size > 0) dropped++
    })
    const content = yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(DOCUMENT_FRAGMENT), model.schema)
    if (dropped > 0) reasons.push(`${dropped} block(s) whose content is out of the schema's order`)
    if (reasons.length > 0) model.onUnrenderable(reasons)
    return content
  } finally {
    copy.destroy()
  }
}
