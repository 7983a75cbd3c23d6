/**
 * Who wrote each character of the current text.
 *
 * Walks the document as the editor shows it and reads, for each character, the
 * insertion run of its Yjs item. The text is the same plain text the text export
 * gives (one line per block, hard breaks as line breaks), so `from` and `to` are
 * offsets into that text, in UTF-16 code units as JavaScript strings count them.
 *
 * A section is a heading placed directly in the document (not in a list or quote)
 * and everything up to the next one. Text before the first such heading is the
 * opening section, with no heading.
 *
 * The work is one pass over the document's items, deleted ones included.
 */
import type { Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import type { AttributionIndex } from './attribution-index'

export interface AuthorshipRange {
  from: number
  to: number
  /** A user id, or null for starter text the server wrote. */
  author: string | null
  /** When it was written (ms since 1970); null when nothing was recorded. */
  time: number | null
}

export interface Section {
  /** The heading's text; null for the opening section before the first heading. */
  heading: string | null
  level: number | null
  from: number
  to: number
}

export interface Authorship {
  text: string
  /** Authored spans, in order. Line breaks between blocks belong to nobody and are not covered. */
  ranges: AuthorshipRange[]
  sections: Section[]
}

export function readAuthorship(doc: Y.Doc, index: AttributionIndex, schema: Schema): Authorship {
  const reader = new AuthorshipReader(index, schema)
  reader.readChildren(doc.getXmlFragment(DOCUMENT_FRAGMENT), true)
  return reader.finish()
}

class AuthorshipReader {
  private text = ''
  private readonly ranges: AuthorshipRange[] = []
  private readonly sections: Section[] = [{ heading: null, level: null, from: 0, to: 0 }]
  private startedBlock = false

  constructor(
    private readonly index: AttributionIndex,
    private readonly schema: Schema,
  ) {}

  readChildren(parent: Y.XmlFragment | Y.XmlElement, inDocument: boolean): void {
    for (let item = parent._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue
      const child = item.content.type
      if (child instanceof Y.XmlText) this.readText(child)
      else if (child instanceof Y.XmlElement) this.readElement(child, item, inDocument)
    }
  }

  finish(): Authorship {
    this.sections.at(-1)!.to = this.text.length
    const sections = this.sections.filter((section) => section.heading !== null || section.from < section.to)
    return { text: this.text, ranges: this.ranges, sections }
  }

  private readElement(element: Y.XmlElement, item: Y.Item, inDocument: boolean): void {
    // The editor drops nodes its schema does not know, with their content.
    const type = this.schema.nodes[element.nodeName]
    if (!type) return
    if (type.isTextblock) {
      if (this.startedBlock) this.text += '\n'
      this.startedBlock = true
    }
    if (inDocument && element.nodeName === 'heading') this.startSection(element)
    if (type.isLeaf) {
      if (type.name === 'hardBreak') this.append('\n', item.id.client, item.id.clock)
      return
    }
    this.readChildren(element, false)
  }

  private startSection(heading: Y.XmlElement): void {
    this.sections.at(-1)!.to = this.text.length
    const level = Number(heading.getAttribute('level'))
    this.sections.push({ heading: plainText(heading), level: Number.isFinite(level) ? level : null, from: this.text.length, to: -1 })
  }

  private readText(text: Y.XmlText): void {
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue
      this.append(item.content.str, item.id.client, item.id.clock)
    }
  }

  /** Appends text written under `client` from `clock` on, with the authorship of each of its runs. */
  private append(value: string, client: number, clock: number): void {
    const start = this.text.length
    this.text += value
    const end = clock + value.length
    let covered = clock
    this.index.insertionsOf(client)?.forEach(clock, end, (run, from, to) => {
      if (from > covered) this.addRange(start + covered - clock, start + from - clock, null, null)
      this.addRange(start + from - clock, start + to - clock, run.person, run.time)
      covered = to
    })
    if (covered < end) this.addRange(start + covered - clock, start + value.length, null, null)
  }

  private addRange(from: number, to: number, author: string | null, time: number | null): void {
    const last = this.ranges.at(-1)
    if (last && last.to === from && last.author === author && last.time === time) last.to = to
    else this.ranges.push({ from, to, author, time })
  }
}

/** The text of a heading, to name its section. */
function plainText(element: Y.XmlElement): string {
  let text = ''
  for (let item = element._start; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue
    const child = item.content.type
    if (!(child instanceof Y.XmlText)) continue
    for (const { insert } of child.toDelta() as Array<{ insert: unknown }>) if (typeof insert === 'string') text += insert
  }
  return text
}
