/**
 * Reads part of a Yjs document the way the suggestion rules see it (model/schema/suggestion-model.ts):
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
} from '../../model/schema/suggestion-model'
import { attributeAt, attributesAt, type Moment } from './moment'

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
/** "--" and the eight characters of the hash. */
const HASH_SUFFIX = 10

class ViewBuilder {
  readonly accepted: string[] = []
  readonly others: string[] = []
  private lastTextKey: string | null = null
  /** For each close in `accepted`, the marks of the text just before it, for a proposed split to continue. */
  private readonly textKeysBeforeCloses: Array<string | null> = []
  /**
   * Inside a block someone proposed as new, nothing is accepted text, but the suggestions in it
   * still count: nobody may change another person's proposed paragraph from inside.
   */
  private proposedDepth = 0
  /** Text runs read so far: a piece continues while consecutive runs carry its suggestion. */
  private runs = 0
  /** Where each suggestion's latest piece is in `others`, and the run that last extended it. */
  private readonly pieces = new Map<string, { index: number; run: number }>()

  /** Whether each block read so far is a proposed wrapper or a piece split off one. */
  readonly wrappers = new Map<Y.XmlElement, boolean>()

  constructor(
    private readonly reader: string | null,
    readonly moment: Moment,
    readonly stamps: StampKeys,
  ) {}

  /** Was this stamp made by the person whose update is being read? */
  isReaders(stamp: unknown): boolean {
    return isSuggestionStamp(stamp) && stamp.author === this.reader
  }

  open(name: string, attributes: Record<string, unknown>): void {
    this.push(`[${name} ${canonical(attributes)}`)
  }

  close(): void {
    if (this.proposedDepth > 0) return
    this.textKeysBeforeCloses.push(this.lastTextKey)
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
    this.lastTextKey = this.textKeysBeforeCloses.pop() ?? null
  }

  text(text: string, marks: Record<string, unknown>): void {
    if (this.proposedDepth > 0) return
    const key = this.stamps.ofMarks(marks)
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
    this.others.push(`${SUGGESTION_ATTRIBUTE} ${this.stamps.of(stamp)}${SEPARATOR}${name} ${canonical(attributes)}`)
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
    const key = this.stamps.of(stamp, `${kind} `, SEPARATOR)
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

/**
 * The canonical form of each stamp and mark value read, kept by the value's identity: Yjs hands
 * back the same object for a formatting item every time it is read, and a paragraph under heavy
 * suggestion has hundreds of them, each read twice per checked update. Whoever reads a document
 * again and again (a trial copy) keeps one; it lives as long as they do.
 */
export class StampKeys {
  private readonly keys = new WeakMap<object, Map<string, string>>()

  /** `value` in canonical form, between `before` and `after`. */
  of(value: unknown, before = '', after = ''): string {
    if (value === null || typeof value !== 'object') return `${before}${canonical(value)}${after}`
    let forms = this.keys.get(value)
    if (forms === undefined) this.keys.set(value, (forms = new Map()))
    const wrapping = before + SEPARATOR + after
    let key = forms.get(wrapping)
    if (key === undefined) forms.set(wrapping, (key = `${before}${canonical(value)}${after}`))
    return key
  }

  /** A set of marks in canonical form: what canonical(marks) gives, from each value's cached form. */
  ofMarks(marks: Record<string, unknown>): string {
    let key = '{'
    for (const name of Object.keys(marks).sort()) {
      if (marks[name] === undefined) continue
      key += `${key === '{' ? '' : ','}${JSON.stringify(name)}:${this.of(marks[name])}`
    }
    return `${key}}`
  }
}

/** Reads `items` (consecutive children of the document fragment) at `moment`. */
export function readSuggestionView(items: Iterable<Y.Item>, moment: Moment, reader: string | null, stamps = new StampKeys()): SuggestionView {
  const builder = new ViewBuilder(reader, moment, stamps)
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

/**
 * Is this a proposed wrapper, or a piece split off one? Remembered per block, since each piece
 * of a wrapper split many times asks the same of the pieces before it.
 */
function isProposedWrapper(element: Y.XmlElement | null, builder: ViewBuilder): boolean {
  if (element === null) return false
  const known = builder.wrappers.get(element)
  if (known !== undefined) return known
  const suggestion: unknown = attributeAt(element, SUGGESTION_ATTRIBUTE, builder.moment)
  const wrapper =
    isBlockSuggestion(suggestion) &&
    (suggestion.change === 'wrap' || (suggestion.change === 'split' && isProposedWrapper(previousElement(builder, element), builder)))
  builder.wrappers.set(element, wrapper)
  return wrapper
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
  // Text is gathered until the marks change and read as one run: a paragraph that has been
  // edited a lot is many small items between tombstones, and reading the marks once per item
  // made the check follow the paragraph's history rather than the edit (docs/benchmarks.md).
  let run = ''
  for (let item = text._start; item !== null; item = item.right) {
    if (!builder.moment.has(item)) continue
    const content = item.content
    if (content instanceof Y.ContentFormat) {
      if (run !== '') readRun(builder, run, marks)
      run = ''
      // Set to undefined rather than deleted: a Map that shrinks allocates its table again, and a
      // paragraph under suggestion turns the same marks on and off hundreds of times.
      marks.set(content.key, content.value ?? undefined)
    } else if (content instanceof Y.ContentString) {
      run += content.str
    } else if (content instanceof Y.ContentEmbed) {
      run += '\uFFFC'
    }
  }
  if (run !== '') readRun(builder, run, marks)
}

function readRun(builder: ViewBuilder, text: string, marks: Map<string, unknown>): void {
  // The reader's own pending text is neither accepted text nor anyone else's. Someone else's
  // deletion or format change can come to cover it only by a merge (two people editing the same
  // words at once: Yjs formatting spans whatever lands inside it), so it is left out altogether,
  // and others' pieces on either side of it read as one, as they did before it was typed.
  let own = false
  marks.forEach((value, key) => {
    if (!own && value !== undefined && isMark(key, INSERTION) && builder.isReaders(value)) own = true
  })
  if (own) return
  builder.nextRun()
  // Sorted: Yjs keeps formatting keys in the order they were written, which an honest rewrite may change.
  const keys = Array.from(marks.keys())
    .filter((key) => marks.get(key) !== undefined)
    .sort()
  let inserted = false
  for (const key of keys) {
    const value = marks.get(key)
    if (isMark(key, INSERTION)) {
      builder.suggestion(INSERTION, value, text)
      inserted = true
    } else if (isMark(key, DELETION)) builder.suggestion(DELETION, value, text)
    else if (isMark(key, FORMAT_CHANGE)) builder.suggestion(FORMAT_CHANGE, value, text)
  }
  if (inserted) return
  const accepted: Record<string, unknown> = {}
  const formatChanges: FormatChangeAttrs[] = []
  for (const key of keys) {
    if (isMark(key, FORMAT_CHANGE)) formatChanges.push(marks.get(key) as FormatChangeAttrs)
    else if (!isMark(key, DELETION)) accepted[key] = marks.get(key)
  }
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

/**
 * Is this Yjs formatting key the mark `name`? y-prosemirror stores a mark that may overlap
 * itself (like deletion) under "name--hash". Asked for every mark of every run of every checked
 * update, so the regular expression only confirms a key whose length and start already fit.
 */
function isMark(key: string, name: string): boolean {
  if (key === name) return true
  return key.length === name.length + HASH_SUFFIX && key.startsWith(name) && key.startsWith('--', name.length) && HASHED_MARK.test(key)
}

/** JSON with sorted keys, so equal values read equal whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  )
}

