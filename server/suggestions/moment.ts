/**
 * A moment in a document's life, as a test of which Yjs items it held then.
 *
 * The server keeps tombstones (gc: false), so after a transaction the document still
 * holds everything it held before: what the transaction added is known by its clocks,
 * what it deleted by its delete set. That lets one document answer for both sides of a
 * change, reading only the parts the change touched.
 */
import * as Y from 'yjs'

export interface Moment {
  /** Did the item exist yet (deleted or not)? */
  existed(item: Y.Item): boolean
  /** Was the item part of the document (existing and not deleted)? */
  has(item: Y.Item): boolean
}

export const NOW: Moment = {
  existed: () => true,
  has: (item) => !item.deleted,
}

/** The document as it was just before `transaction`. */
export function before(transaction: Y.Transaction): Moment {
  const existed = (item: Y.Item) => item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)
  return {
    existed,
    has: (item) => existed(item) && (!item.deleted || Y.isDeleted(transaction.deleteSet, item.id)),
  }
}

/** The value of a map entry (an XML attribute) at `moment`, or undefined if it had none. */
export function attributeAt(type: Y.AbstractType<any>, key: string, moment: Moment): unknown {
  // Each write of a key deletes the previous one and links back to it through `left`.
  let item = type._map.get(key) ?? null
  while (item !== null && !moment.existed(item)) item = item.left
  if (item === null || !moment.has(item)) return undefined
  return item.content.getContent().at(-1)
}

/** Every attribute an element had at `moment`. */
export function attributesAt(type: Y.AbstractType<any>, moment: Moment): Record<string, unknown> {
  const attributes: Record<string, unknown> = {}
  for (const key of type._map.keys()) {
    const value = attributeAt(type, key, moment)
    if (value !== undefined && value !== null) attributes[key] = value
  }
  return attributes
}
