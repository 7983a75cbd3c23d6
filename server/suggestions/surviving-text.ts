/**
 * What became of an accepted suggestion's text: the Yjs items it added are noted when it is
 * accepted, and because the server keeps tombstones, any later moment can tell how many of
 * those characters are still in the document and who deleted the rest.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { INSERTION } from '../../model/schema/suggestion-model'
import type { AttributionIndex } from '../attribution/attribution-index'
import type { ItemRun } from './review-model'

/** The runs of items holding the text that suggestion `id` inserted (pending, so still marked). */
export function insertedItems(doc: Y.Doc, id: string): ItemRun[] {
  const runs: ItemRun[] = []
  const visit = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) collectMarked(child, id, runs)
      else if (child instanceof Y.XmlElement) visit(child)
    }
  }
  visit(doc.getXmlFragment(DOCUMENT_FRAGMENT))
  return runs
}

function collectMarked(text: Y.XmlText, id: string, runs: ItemRun[]): void {
  let marked = false
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue
    const { content } = item
    if (content instanceof Y.ContentFormat) {
      if (content.key === INSERTION) marked = (content.value as { id?: unknown } | null)?.id === id
    } else if (marked && content instanceof Y.ContentString) {
      runs.push([item.id.client, item.id.clock, item.length])
    }
  }
}

export interface Survival {
  /** Characters of the text still in the document, of all it added. */
  characters: number
  of: number
  /** The surviving characters, in document order of their runs. */
  text: string
  /** Who deleted some of it since (user ids; null for the server itself), in order of first deletion. */
  editedBy: Array<string | null>
}

export function survivalOf(doc: Y.Doc, attribution: AttributionIndex, runs: readonly ItemRun[]): Survival {
  const survival: Survival = { characters: 0, of: 0, text: '', editedBy: [] }
  for (const [client, clock, length] of runs) {
    survival.of += length
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    const end = clock + length
    for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
      const struct = structs[index]!
      if (struct.id.clock >= end) break
      const from = Math.max(clock, struct.id.clock)
      const to = Math.min(end, struct.id.clock + struct.length)
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue
      if (struct.deleted) noteDeleters(attribution, client, from, to, survival.editedBy)
      else {
        survival.characters += to - from
        survival.text += struct.content.str.slice(from - struct.id.clock, to - struct.id.clock)
      }
    }
  }
  return survival
}

function noteDeleters(attribution: AttributionIndex, client: number, from: number, to: number, editedBy: Array<string | null>): void {
  for (const run of attribution.deletionsOf(client)?.runs ?? []) {
    if (run.end <= from || run.start >= to || run.carried) continue
    if (!editedBy.includes(run.person)) editedBy.push(run.person)
  }
}
