/**
 * Finds text that a transaction deleted in one place and wrote again in another.
 *
 * The editor's Yjs binding cannot move text. Pressing Enter in the middle of a
 * paragraph deletes the paragraph's tail and writes it again into a new paragraph;
 * turning a paragraph into a heading or a list item deletes it and writes it again
 * in the new node. Attributed naively, whoever pressed Enter or clicked "Heading"
 * would become the author of words someone else wrote. So within one transaction,
 * new text that repeats deleted text exactly is "carried": it keeps the original
 * writer and time, and its deletion does not count as deleting.
 *
 * The work is proportional to the transaction: only its new and deleted items are read.
 */
import * as Y from 'yjs'
import type { RunList } from './runs'

export interface CarriedSpan {
  readonly client: number
  readonly clock: number
  readonly len: number
}

export interface CarriedInsertion extends CarriedSpan {
  readonly person: string | null
  readonly time: number
}

export interface CarriedText {
  /** Spans of new text that repeat deleted text, with the deleted text's original attribution. */
  readonly inserted: CarriedInsertion[]
  /** Spans of deleted text that were written again by the same transaction. */
  readonly moved: CarriedSpan[]
}

/** Offsets [from, to) into an item's text. */
type Clip = readonly [from: number, to: number]

interface Piece {
  readonly client: number
  readonly clock: number
  /** Where the piece starts in its run's text. */
  readonly offset: number
  readonly len: number
}

interface TextRun {
  /** The text node the run is in. */
  readonly parent: Y.AbstractType<unknown>
  text: string
  readonly pieces: Piece[]
  /** Character ranges of a deleted run already matched to new text. */
  readonly used: Array<[number, number]>
}

export function findCarriedText(transaction: Y.Transaction, insertionsOf: (client: number) => RunList | undefined): CarriedText {
  const carried: CarriedText = { inserted: [], moved: [] }
  const added = newText(transaction)
  if (added.size === 0) return carried
  const removed = deletedText(transaction)
  if (removed.size === 0) return carried
  const sources = textRuns(removed)
  for (const target of textRuns(added)) {
    let best: Match | null = null
    for (const source of sources) {
      // Within one text node a delete and an insert are an edit: the binding never rewrites a node's own text.
      if (source.parent === target.parent) continue
      for (const match of candidateMatches(target, source)) if (match.length > (best?.length ?? 0)) best = match
    }
    if (best) carry(carried, best, insertionsOf)
  }
  return carried
}

/** `length` characters of `target` from `targetAt` that repeat those of `source` from `sourceAt`. */
interface Match {
  target: TextRun
  targetAt: number
  source: TextRun
  sourceAt: number
  length: number
}

/**
 * The ways new text can repeat deleted text: all of it inside the deleted text (Enter
 * splits off a paragraph's tail, a paragraph becomes a heading), or sharing an end or
 * a start with it (joining two paragraphs keeps what is left of the second; a paste that
 * ends in a new paragraph writes the old tail again after the pasted text).
 */
function candidateMatches(target: TextRun, source: TextRun): Match[] {
  const matches: Match[] = []
  const inside = unusedOccurrence(source, target.text)
  if (inside !== -1) matches.push({ target, targetAt: 0, source, sourceAt: inside, length: target.text.length })
  const suffix = commonLength(target.text, source.text, -1)
  if (suffix > 0) matches.push({ target, targetAt: target.text.length - suffix, source, sourceAt: source.text.length - suffix, length: suffix })
  const prefix = commonLength(target.text, source.text, 1)
  if (prefix > 0) matches.push({ target, targetAt: 0, source, sourceAt: 0, length: prefix })
  return matches.filter((match) => isFree(target, match.targetAt, match.length) && isFree(source, match.sourceAt, match.length))
}

/** How many characters two strings share at their start (direction 1) or their end (-1). */
function commonLength(a: string, b: string, direction: 1 | -1): number {
  const limit = Math.min(a.length, b.length)
  let length = 0
  while (length < limit) {
    const i = direction === 1 ? length : a.length - 1 - length
    const j = direction === 1 ? length : b.length - 1 - length
    if (a[i] !== b[j]) break
    length++
  }
  return length
}

function isFree(run: TextRun, at: number, length: number): boolean {
  const end = at + length
  return !run.used.some(([from, to]) => at < to && from < end)
}

function carry(carried: CarriedText, match: Match, insertionsOf: (client: number) => RunList | undefined): void {
  const { target, targetAt, source, sourceAt, length } = match
  target.used.push([targetAt, targetAt + length])
  source.used.push([sourceAt, sourceAt + length])
  for (const pair of alignPieces(target, targetAt, source, sourceAt, length)) {
    carried.moved.push({ client: pair.source.client, clock: pair.source.clock, len: pair.len })
    insertionsOf(pair.source.client)?.forEach(pair.source.clock, pair.source.clock + pair.len, (run, from, to) => {
      const shift = from - pair.source.clock
      carried.inserted.push({ client: pair.target.client, clock: pair.target.clock + shift, len: to - from, person: run.person, time: run.time })
    })
  }
}

/** Text items this transaction added and left standing. */
function newText(transaction: Y.Transaction): Map<Y.Item, Clip> {
  const items = new Map<Y.Item, Clip>()
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    collectText(transaction.doc, client, before, after, items, (item) => !item.deleted)
  }
  return items
}

/** Text items that existed before this transaction and were deleted by it. */
function deletedText(transaction: Y.Transaction): Map<Y.Item, Clip> {
  const items = new Map<Y.Item, Clip>()
  for (const [client, ranges] of transaction.deleteSet.clients) {
    const before = transaction.beforeState.get(client) ?? 0
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, before)
      if (clock < end) collectText(transaction.doc, client, clock, end, items, () => true)
    }
  }
  return items
}

function collectText(doc: Y.Doc, client: number, start: number, end: number, into: Map<Y.Item, Clip>, keep: (item: Y.Item) => boolean): void {
  const structs = doc.store.clients.get(client)
  if (!structs) return
  for (let index = Y.findIndexSS(structs, start); index < structs.length; index++) {
    const struct = structs[index]!
    const clock = struct.id.clock
    if (clock >= end) break
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString) || !keep(struct)) continue
    const from = Math.max(start, clock) - clock
    const to = Math.min(end, clock + struct.length) - clock
    const previous = into.get(struct)
    into.set(struct, previous ? [Math.min(previous[0], from), Math.max(previous[1], to)] : [from, to])
  }
}

/**
 * Groups items into runs of text in document order. Between two items of a run
 * there may be formatting marks and text deleted earlier, which a reader never sees.
 */
function textRuns(items: Map<Y.Item, Clip>): TextRun[] {
  const invisible = (item: Y.Item) => !items.has(item) && (item.deleted || item.content instanceof Y.ContentFormat)
  const runs: TextRun[] = []
  for (const first of items.keys()) {
    let left = first.left
    while (left && invisible(left)) left = left.left
    if (left && items.has(left)) continue
    const run: TextRun = { parent: first.parent as Y.AbstractType<unknown>, text: '', pieces: [], used: [] }
    for (let item: Y.Item | null = first; item; item = item.right) {
      const clip = items.get(item)
      if (clip) {
        const [from, to] = clip
        run.pieces.push({ client: item.id.client, clock: item.id.clock + from, offset: run.text.length, len: to - from })
        run.text += (item.content as Y.ContentString).str.slice(from, to)
      } else if (!invisible(item)) break
    }
    runs.push(run)
  }
  return runs
}

/** Where `text` occurs in `run` over characters not matched yet, or -1. */
function unusedOccurrence(run: TextRun, text: string): number {
  for (let at = run.text.indexOf(text); at !== -1; at = run.text.indexOf(text, at + 1)) if (isFree(run, at, text.length)) return at
  return -1
}

/** Pairs `length` characters of `target` from `targetAt` with those of `source` from `sourceAt`, as contiguous spans. */
function alignPieces(target: TextRun, targetAt: number, source: TextRun, sourceAt: number, length: number) {
  const pairs: Array<{ target: SpanStart; source: SpanStart; len: number }> = []
  let t = pieceAt(target, targetAt)
  let s = pieceAt(source, sourceAt)
  for (let done = 0; done < length && t < target.pieces.length && s < source.pieces.length; ) {
    const targetPiece = target.pieces[t]!
    const sourcePiece = source.pieces[s]!
    const intoTarget = targetAt + done - targetPiece.offset
    const intoSource = sourceAt + done - sourcePiece.offset
    const len = Math.min(targetPiece.len - intoTarget, sourcePiece.len - intoSource, length - done)
    pairs.push({
      target: { client: targetPiece.client, clock: targetPiece.clock + intoTarget },
      source: { client: sourcePiece.client, clock: sourcePiece.clock + intoSource },
      len,
    })
    done += len
    if (intoTarget + len === targetPiece.len) t++
    if (intoSource + len === sourcePiece.len) s++
  }
  return pairs
}

interface SpanStart {
  readonly client: number
  readonly clock: number
}

/** The index of the piece holding character `offset` of the run. */
function pieceAt(run: TextRun, offset: number): number {
  const index = run.pieces.findIndex((piece) => piece.offset + piece.len > offset)
  return index === -1 ? run.pieces.length : index
}
