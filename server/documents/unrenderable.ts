/**
 * Finds and removes what a document holds that its schema does not allow: content that got
 * in before every update was checked against the schema (server/documents/document-shape.ts).
 *
 * Such content breaks whatever reads the document: y-tiptap throws on a plain value or a map
 * where it expects elements, and deletes, in every editor that opens the document, a block it
 * cannot build, together with the text in it. Removing only the offending items first keeps
 * everything else readable.
 */
import * as Y from 'yjs'
import type { ContentShape } from '../collab/content-shape'

export interface Unrenderable {
  readonly item: Y.Item
  readonly reason: string
}

export function findUnrenderable(doc: Y.Doc, shape: ContentShape): Unrenderable[] {
  const found: Unrenderable[] = []
  const visit = (type: Y.AbstractType<any>, place: { root: string } | { type: Y.AbstractType<any> }) => {
    const check = (item: Y.Item) => {
      if (item.deleted) return
      const reason = shape.refusal(item, { ...place, key: item.parentSub })
      if (reason !== null) found.push({ item, reason })
      else if (item.content instanceof Y.ContentType) visit(item.content.type, { type: item.content.type })
    }
    for (let item = type._start; item !== null; item = item.right) check(item)
    for (const item of type._map.values()) check(item)
  }
  for (const root of shape.roots) {
    // Only roots the document has: asking for one would create it, and a copy has none it did not read.
    const type = doc.share.get(root)
    if (type) visit(type, { root })
  }
  return found
}

/** Deletes what findUnrenderable finds, in one transaction with `origin`. Returns what it deleted. */
export function removeUnrenderable(doc: Y.Doc, shape: ContentShape, origin: unknown = null): Unrenderable[] {
  const found = findUnrenderable(doc, shape)
  if (found.length > 0) doc.transact((transaction) => found.forEach(({ item }) => item.delete(transaction)), origin)
  return found
}
