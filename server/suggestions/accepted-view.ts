/**
 * Reads part of a Yjs document the way the suggestion rules see it (editor/schema/suggestion-model.ts):
 *
 *   - the accepted text: every pending insertion and proposed boundary taken out, every
 *     deletion and format change undone. A block whose boundary is a proposed split is
 *     joined to the block before it, as rejecting it would; a retyped block reads as the
 *     type its stamp says it had; a proposed wrapper (a list, a quote) is read through, its
 *     content in place;
 *   - other people's suggestions: each piece that somebody other than `reader` proposed,
 *     with its stamp, in document order. A block stamp comes with the block's type and
 *     attributes, so nobody can change the type of a block someone else proposed or retyped.
 *
 * Both come out as flat lists of strings, so "did this change alter them?" is a comparison
 * of lists. Only the blocks asked for are read: the caller passes the part a change touched.
 */
import * as Y from 'yjs'
import {
  DELETION,
  FORMAT_CHANGE,
  INSERTION,
  isBlockSuggestion,
  isSuggestionStamp,
  SUGGESTION_ATTRIBUTE,
  type FormatChangeAttrs,
  type MarkJSON,
} from '../../editor/schema/suggestion-model'
import { attributesAt, type Moment } from './moment'

export interface SuggestionView {
  /** The accepted text as tokens: "[name attrs" opens a node, ")" closes one, "text" + "\u0000" + marks. */
  accepted: string[]
  /** Other people's suggestions: stamp + "\u0000" + the text it covers, adjacent pieces of one stamp joined. */
  others: string[]
}

const CLOSE = ')'
const SEPARATOR = '\u0000'
/** y-prosemirror stores a mark that may overlap itself (like deletion) under "name--hash". */
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/

class ViewBuilder {
  readonly accepted: string[] = []
  readonly others: string[] = []
  private lastTextKey: string | null = null
  /**
   * Inside a block someone proposed as new, nothing is accepted text, but the suggestions in it
   * still count: nobody may change another person's proposed paragraph from inside.
   */
  private proposedDepth = 0
  /** Text runs read so far: a piece continues while consecutive runs carry its suggestion. */
  private runs = 0
  /** Where each suggestion's latest piece is in `others`, and the run that last extended it. */
  private readonly pieces = new Map<string, { index: number; run: number }>()

  constructor(
    private readonly reader: string | null,
    readonly moment: Moment,
  ) {}

  /** Was this stamp made by the person whose update is being read? */
  isReaders(stamp: unknown): boolean {
    return isSuggestionStamp(stamp) && stamp.author === this.reader
  }

  open(name: string, attributes: Record<string, unknown>): void {
    this.push(`[${name} ${canonical(attributes)}`)
  }

  close(): void {
    this.push(CLOSE)
  }

  /** Reads a proposed block's content for its suggestions only. */
  withinProposedBlock(read: () => void): void {
    this.proposedDepth += 1
    try {
      read()
    } finally {
      this.proposedDepth -= 1
    }
  }

  /** A proposed split: the block continues the one before it, as if its boundary were not there. */
  continuePrevious(): void {
    if (this.proposedDepth > 0 || this.accepted.at(-1) !== CLOSE) return
    this.accepted.pop()
    // Text on both sides of a withdrawn boundary reads as one run, as it would once joined.
    const last = this.accepted.at(-1) ?? ''
    const separator = last.indexOf(SEPARATOR)
    this.lastTextKey = separator >= 0 ? last.slice(0, separator) : null
  }

  text(text: string, marks: Record<string, unknown>): void {
    if (this.proposedDepth > 0) return
    const key = canonical(marks)
    if (this.lastTextKey === key) {
      this.accepted[this.accepted.length - 1] += text
      return
    }
    this.accepted.push(`${key}${SEPARATOR}${text}`)
    this.lastTextKey = key
  }

  /** Notes someone else's block stamp, with the block it is on: one piece per block, never joined to another. */
  block(stamp: unknown, name: string, attributes: Record<string, unknown>): void {
    if (this.isReaders(stamp)) return
    this.others.push(`${SUGGESTION_ATTRIBUTE} ${canonical(stamp)}${SEPARATOR}${name} ${canonical(attributes)}`)
  }

  /** Starts the next run of text; readRun then notes its suggestions, sorted. */
  nextRun(): void {
    this.runs += 1
  }

  /**
   * Notes a piece of a suggestion if it is someone else's. A piece extends that suggestion's
   * piece from the run before, whatever other suggestions lie on the same text, so the list
   * depends on what covers which text, not on how Yjs happens to cut the text into items or
   * order the marks on them.
   */
  suggestion(kind: string, stamp: unknown, text: string): void {
    if (this.isReaders(stamp)) return
    const key = `${kind} ${canonical(stamp)}${SEPARATOR}`
    const piece = this.pieces.get(key)
    if (piece && piece.run >= this.runs - 1) {
      this.others[piece.index] += text
      piece.run = this.runs
      return
    }
    this.pieces.set(key, { index: this.others.push(`${key}${text}`) - 1, run: this.runs })
  }

  private push(token: string): void {
    if (this.proposedDepth > 0) return
    this.accepted.push(token)
    this.lastTextKey = null
  }
}

/** Reads `items` (consecutive children of the document fragment) at `moment`. */
export function readSuggestionView(items: Iterable<Y.Item>, moment: Moment, reader: string | null): SuggestionView {
  const builder = new ViewBuilder(reader, moment)
  for (const item of items) readChild(builder, item)
  return { accepted: builder.accepted, others: builder.others }
}

function readChild(builder: ViewBuilder, item: Y.Item): void {
  if (!builder.moment.has(item) || !(item.content instanceof Y.ContentType)) return
  const type = item.content.type
  if (type instanceof Y.XmlElement) readElement(builder, type)
  else if (type instanceof Y.XmlText) readText(builder, type)
}

function readElement(builder: ViewBuilder, element: Y.XmlElement): void {
  const { [SUGGESTION_ATTRIBUTE]: suggestion, ...attributes } = attributesAt(element, builder.moment)
  const proposed = isBlockSuggestion(suggestion) ? suggestion : null
  if (proposed) builder.block(proposed, element.nodeName, attributes)
  if (proposed?.change === 'insert') {
    builder.withinProposedBlock(() => readChildren(builder, element))
    return
  }
  // A proposed wrapper (a list, a quote) is no part of the accepted text: its content reads in
  // place, as it did before it was wrapped. Its stamp, noted above, is its author's suggestion.
  // So does a list item split off one of its items (Enter in a proposed list): the paragraph
  // split inside it carries the proposed break.
  if (proposed?.change === 'wrap' || (proposed?.change === 'split' && isProposedWrapper(previousElement(builder, element), builder))) {
    readChildren(builder, element)
    return
  }
  if (proposed?.change === 'split') builder.continuePrevious()
  // A retyped block is read as it was: y-prosemirror writes a change of type as a new element
  // with the same content, which reads the same, as the old element did before the change.
  else if (proposed?.change === 'retype') builder.open(proposed.from.type, withoutNulls(proposed.from.attrs))
  else builder.open(element.nodeName, attributes)
  readChildren(builder, element)
  builder.close()
}

/** Is this a proposed wrapper, or a piece split off one? */
function isProposedWrapper(element: Y.XmlElement | null, builder: ViewBuilder): boolean {
  for (let current = element; current; current = previousElement(builder, current)) {
    const suggestion: unknown = attributesAt(current, builder.moment)[SUGGESTION_ATTRIBUTE]
    if (!isBlockSuggestion(suggestion) || (suggestion.change !== 'wrap' && suggestion.change !== 'split')) return false
    if (suggestion.change === 'wrap') return true
  }
  return false
}

/** The element before this one among its siblings, at the moment read. */
function previousElement(builder: ViewBuilder, element: Y.XmlElement): Y.XmlElement | null {
  let item = element._item?.left ?? null
  while (item && !builder.moment.has(item)) item = item.left
  return item?.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement ? item.content.type : null
}

function readChildren(builder: ViewBuilder, element: Y.XmlElement): void {
  for (let child = element._start; child !== null; child = child.right) readChild(builder, child)
}

function readText(builder: ViewBuilder, text: Y.XmlText): void {
  const marks = new Map<string, unknown>()
  for (let item = text._start; item !== null; item = item.right) {
    if (!builder.moment.has(item)) continue
    const content = item.content
    if (content instanceof Y.ContentFormat) {
      if (content.value === null) marks.delete(content.key)
      else marks.set(content.key, content.value)
    } else if (content instanceof Y.ContentString) {
      readRun(builder, content.str, marks)
    } else if (content instanceof Y.ContentEmbed) {
      readRun(builder, '\uFFFC', marks)
    }
  }
}

function readRun(builder: ViewBuilder, text: string, marks: Map<string, unknown>): void {
  // The reader's own pending text is neither accepted text nor anyone else's. Someone else's
  // deletion or format change can come to cover it only by a merge (two people editing the same
  // words at once: Yjs formatting spans whatever lands inside it), so it is left out altogether,
  // and others' pieces on either side of it read as one, as they did before it was typed.
  if ([...marks].some(([key, value]) => markName(key) === INSERTION && builder.isReaders(value))) return
  const accepted: Record<string, unknown> = {}
  let inserted = false
  const formatChanges: FormatChangeAttrs[] = []
  builder.nextRun()
  // Sorted: Yjs keeps formatting keys in the order they were written, which an honest rewrite may change.
  for (const [key, value] of [...marks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const name = markName(key)
    if (name === INSERTION || name === DELETION || name === FORMAT_CHANGE) builder.suggestion(name, value, text)
    if (name === INSERTION) inserted = true
    else if (name === FORMAT_CHANGE) formatChanges.push(value as FormatChangeAttrs)
    else if (name !== DELETION) accepted[key] = value
  }
  if (inserted) return
  for (const formatChange of formatChanges) undoFormatChange(accepted, formatChange)
  builder.text(text, accepted)
}

/** What the text's marks were before the change was proposed. */
function undoFormatChange(marks: Record<string, unknown>, change: FormatChangeAttrs): void {
  for (const mark of listOf(change.added)) delete marks[mark.type]
  for (const mark of listOf(change.removed)) marks[mark.type] = mark.attrs ?? {}
}

function listOf(value: unknown): MarkJSON[] {
  return Array.isArray(value) ? value.filter((mark): mark is MarkJSON => typeof (mark as MarkJSON)?.type === 'string') : []
}

/** As attributesAt reads them: y-prosemirror stores no attribute whose value is null. */
function withoutNulls(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== null && value !== undefined))
}

function markName(key: string): string {
  return HASHED_MARK.exec(key)?.[1] ?? key
}

/** JSON with sorted keys, so equal values read equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  )
}

