/**
 * Reads one Y.XmlText of a version as ProseMirror text nodes, and, when comparing two versions,
 * marks what only one of them has.
 *
 * Formatting is a Yjs format item (ContentFormat) between characters; the marks in force at a
 * character are those of the format items before it that the later version shows, as Yjs's own
 * YText.toDelta reads them. Mark names may carry a hash suffix (y-prosemirror's way of storing
 * marks that may overlap themselves, such as suggestions), which the schema's name lacks.
 */
import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'
import type { AttributionIndex } from '../attribution/attribution-index'
import type { Run, RunList } from '../attribution/runs'
import { changeMark, type ChangeKind, type ChangeTally } from './change-marks'
import { visibleSpans, shows, type Spans } from './visibility'

/** The earlier side of a comparison. */
export interface Earlier {
  snapshot: Y.Snapshot
  /** When it was recorded: text carried (moved) from before then is not new. */
  at: number
  attribution: AttributionIndex
  tally: ChangeTally
}

type Mark = NonNullable<JSONContent['marks']>[number]

const HASHED_MARK = /--[a-zA-Z0-9+/=]{8}$/

export function readText(text: Y.XmlText, later: Y.Snapshot, earlier: Earlier | null): JSONContent[] {
  const nodes = new TextNodes()
  // Removed text is shown with the formatting it had; the rest with the later version's.
  const laterFormats = new Formats()
  const earlierFormats = new Formats()
  for (let item = text._start; item !== null; item = item.right) {
    const content = item.content
    if (content instanceof Y.ContentFormat) {
      if (shows(item, later)) laterFormats.apply(content)
      if (earlier !== null && shows(item, earlier.snapshot)) earlierFormats.apply(content)
      continue
    }
    // Our schema keeps no embeds in text; anything else is not text.
    if (!(content instanceof Y.ContentString)) continue
    const marks = laterFormats.marks()
    const laterSpans = visibleSpans(item, later)
    const earlierSpans = earlier === null ? laterSpans : visibleSpans(item, earlier.snapshot)
    if (earlier === null || sameSpans(laterSpans, earlierSpans)) {
      for (const [from, to] of laterSpans) nodes.push(content.str.slice(from, to), marks)
      continue
    }
    for (const [from, to, side] of sides(laterSpans, earlierSpans)) {
      if (side === 'both') nodes.push(content.str.slice(from, to), marks)
      else readChange(item, content.str, from, to, side, side === 'added' ? marks : earlierFormats.marks(), earlier, nodes)
    }
  }
  return nodes.nodes
}

/** The marks in force at a point in the text, as one version shows its format items. */
class Formats {
  private readonly values = new Map<string, unknown>()
  private cached: Mark[] | null = []

  apply(format: Y.ContentFormat): void {
    if (format.value === null) this.values.delete(format.key)
    else this.values.set(format.key, format.value)
    this.cached = null
  }

  marks(): Mark[] {
    this.cached ??= [...this.values].map(([key, attrs]): Mark => ({ type: key.replace(HASHED_MARK, ''), attrs: attrs as Mark['attrs'] }))
    return this.cached
  }
}

/** Text that one version has and the other lacks, credited run by run. */
function readChange(item: Y.Item, str: string, from: number, to: number, kind: ChangeKind, marks: Mark[], earlier: Earlier, nodes: TextNodes): void {
  const { client, clock } = item.id
  const runs = kind === 'added' ? earlier.attribution.insertionsOf(client) : earlier.attribution.deletionsOf(client)
  eachRun(runs, clock + from, clock + to, (run, start, end) => {
    const value = str.slice(start - clock, end - clock)
    if (run?.carried) {
      // Moved, not deleted: its text is written again elsewhere. New text that repeats older
      // text was moved there (a paragraph split, say); it is new only if its words are.
      if (kind === 'removed' || run.time <= earlier.at) {
        if (kind === 'added') nodes.push(value, marks)
        return
      }
    }
    const person = run?.person ?? null
    earlier.tally.count(kind, person, value.length)
    nodes.push(value, [...marks, changeMark(kind, person, run?.time ?? null)])
  })
}

/** Each run over [start, end), and the gaps between runs as null (nothing recorded). */
function eachRun(list: RunList | undefined, start: number, end: number, visit: (run: Run | null, from: number, to: number) => void): void {
  let clock = start
  list?.forEach(start, end, (run, from, to) => {
    if (from > clock) visit(null, clock, from)
    visit(run, from, to)
    clock = to
  })
  if (clock < end) visit(null, clock, end)
}

type Side = 'both' | ChangeKind

/** Most of a document is the same in both versions; this is the quick way to see that. */
function sameSpans(a: Spans, b: Spans): boolean {
  return a.length === b.length && a.every(([from, to], index) => b[index]![0] === from && b[index]![1] === to)
}

/** Splits an item's offsets into those both versions show, only the later, or only the earlier. */
function sides(later: Spans, earlier: Spans): Array<[number, number, Side]> {
  const cuts = new Set<number>()
  for (const [from, to] of [...later, ...earlier]) cuts.add(from).add(to)
  const points = [...cuts].sort((a, b) => a - b)
  const inside = (spans: Spans, at: number) => spans.some(([from, to]) => from <= at && at < to)
  const result: Array<[number, number, Side]> = []
  for (let index = 0; index + 1 < points.length; index++) {
    const from = points[index]!
    const to = points[index + 1]!
    const inLater = inside(later, from)
    const inEarlier = inside(earlier, from)
    if (inLater || inEarlier) result.push([from, to, inLater && inEarlier ? 'both' : inLater ? 'added' : 'removed'])
  }
  return result
}

/** Text nodes, with neighbours that carry the same marks joined as ProseMirror joins them. */
class TextNodes {
  readonly nodes: JSONContent[] = []
  private lastMarks = ''

  push(text: string, marks: Mark[]): void {
    if (text === '') return
    const key = JSON.stringify(marks)
    const last = this.nodes.at(-1)
    if (last && key === this.lastMarks) {
      last.text += text
      return
    }
    this.nodes.push(marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text })
    this.lastMarks = key
  }
}
