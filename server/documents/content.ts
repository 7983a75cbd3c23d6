/**
 * Converts between the Yjs document and ProseMirror content, with the schema the
 * editor uses (editor/schema/extensions.ts).
 */
import { getSchema, type Extensions, type JSONContent } from '@tiptap/core'
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model'
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT, documentExtensions } from '../../editor/schema/extensions'
import type { StoredChange } from '../storage/change-records'

export interface DocumentModel {
  extensions: Extensions
  schema: Schema
}

export function createDocumentModel(): DocumentModel {
  const extensions = documentExtensions()
  return { extensions, schema: getSchema(extensions) }
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
 */
export function readContent(model: DocumentModel, doc: Y.Doc): ProseMirrorNode {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  try {
    return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(DOCUMENT_FRAGMENT), model.schema)
  } finally {
    copy.destroy()
  }
}
