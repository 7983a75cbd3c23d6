/**
 * Plain text edits applied to a Tiptap document, one paragraph per line, the way
 * the editor's Yjs binding shapes them: typing goes into a paragraph's text,
 * a newline splits a paragraph, deleting a newline joins two paragraphs.
 *
 * Positions count Unicode code points over the whole text, newlines included,
 * as the editing traces do.
 */
import * as Y from 'yjs'

export class ParagraphText {
  /** A mirror of each paragraph's text, to find positions without reading Yjs. */
  private readonly lines: string[]
  /** Each line's length in code points. */
  private readonly lengths: number[]

  constructor(private readonly fragment: Y.XmlFragment) {
    this.lines = fragment.toArray().map((paragraph) => ((paragraph as Y.XmlElement).get(0) as Y.XmlText | undefined)?.toString() ?? '')
    this.lengths = this.lines.map(codePoints)
    if (this.lines.length === 0) throw new Error('ParagraphText needs a document with at least one paragraph')
  }

  get text(): string {
    return this.lines.join('\n')
  }

  apply(position: number, deleted: number, inserted: string): void {
    if (deleted > 0) this.delete(position, deleted)
    if (inserted.length > 0) this.insert(position, inserted)
  }

  private insert(position: number, inserted: string): void {
    const { line, offset } = this.locate(position)
    const parts = inserted.split('\n')
    const current = this.lines[line] ?? ''
    const head = current.slice(0, codeUnits(current, offset))
    const tail = current.slice(codeUnits(current, offset))
    if (parts.length === 1) {
      this.textOf(line).insert(head.length, inserted)
      this.setLine(line, head + inserted + tail)
      return
    }
    const first = parts[0] ?? ''
    const rest = parts.slice(1)
    const text = this.textOf(line)
    if (tail.length > 0) text.delete(head.length, tail.length)
    if (first.length > 0) text.insert(head.length, first)
    this.setLine(line, head + first)
    const newLines = rest.map((part, index) => (index === rest.length - 1 ? part + tail : part))
    this.fragment.insert(line + 1, newLines.map(paragraphOf))
    this.lines.splice(line + 1, 0, ...newLines)
    this.lengths.splice(line + 1, 0, ...newLines.map(codePoints))
  }

  private delete(position: number, deleted: number): void {
    const start = this.locate(position)
    const end = this.locate(position + deleted)
    const startLine = this.lines[start.line] ?? ''
    const from = codeUnits(startLine, start.offset)
    if (start.line === end.line) {
      const to = codeUnits(startLine, end.offset)
      this.textOf(start.line).delete(from, to - from)
      this.setLine(start.line, startLine.slice(0, from) + startLine.slice(to))
      return
    }
    const endLine = this.lines[end.line] ?? ''
    const kept = endLine.slice(codeUnits(endLine, end.offset))
    const text = this.textOf(start.line)
    if (startLine.length > from) text.delete(from, startLine.length - from)
    if (kept.length > 0) text.insert(from, kept)
    this.fragment.delete(start.line + 1, end.line - start.line)
    this.lines.splice(start.line + 1, end.line - start.line)
    this.lengths.splice(start.line + 1, end.line - start.line)
    this.setLine(start.line, startLine.slice(0, from) + kept)
  }

  /** Finds the line and the code point offset within it. */
  private locate(position: number): { line: number; offset: number } {
    let remaining = position
    for (let line = 0; line < this.lines.length; line++) {
      const length = this.lengths[line] ?? 0
      if (remaining <= length) return { line, offset: remaining }
      remaining -= length + 1
    }
    throw new RangeError(`position ${position} is past the end of the text`)
  }

  private setLine(line: number, text: string): void {
    this.lines[line] = text
    this.lengths[line] = codePoints(text)
  }

  private textOf(line: number): Y.XmlText {
    const paragraph = this.fragment.get(line) as Y.XmlElement
    let text = paragraph.get(0) as Y.XmlText | undefined
    if (!text) {
      text = new Y.XmlText()
      paragraph.insert(0, [text])
    }
    return text
  }
}

function paragraphOf(line: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph')
  if (line.length > 0) paragraph.insert(0, [new Y.XmlText(line)])
  return paragraph
}

/** The number of UTF-16 code units in the first `points` code points of `text`. */
function codeUnits(text: string, points: number): number {
  let units = 0
  for (let i = 0; i < points; i++) units += (text.codePointAt(units) ?? 0) > 0xffff ? 2 : 1
  return units
}

function codePoints(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0xd800 || unit > 0xdbff) count++
  }
  return count
}
