/**
 * Who wrote each span of the text, from the server's attribution index.
 *
 * The index lists, per Yjs client id, runs of clocks with their writer and time. It is a
 * snapshot: text typed since it was fetched is beyond its runs. The server binds every
 * client id to one person for good, so such text is by the person the client last wrote
 * as, "just now"; this tab's own client id is the signed-in person. Text under a client id
 * the index has never seen is left unattributed until the index is fetched again, and
 * every clock the index did not cover is reported so the caller knows when to do that.
 */
import type { AttributionIndex, AttributionRun } from '../http/attribution'
import type { WrittenSpan } from './written-spans'

export interface AuthoredRange {
  readonly from: number
  readonly to: number
  /** A user id; null for the server's starter text. */
  readonly person: string | null
  /** When it was written (ms since 1970). */
  readonly time: number
  /** Not in the index yet: written moments ago, the time is only the time of this reading. */
  readonly pending: boolean
  /** A hard break: credited but never tinted. */
  readonly leaf: boolean
}

/** This tab: its Yjs client id and the person signed in (null for a visitor, who cannot write). */
export interface Writer {
  readonly client: number
  readonly person: string | null
}

export interface Attribution {
  readonly ranges: readonly AuthoredRange[]
  /** For each client id with clocks the index does not cover: the clock after the last of them. */
  readonly uncovered: ReadonlyMap<number, number>
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export function attributeSpans(spans: readonly WrittenSpan[], index: AttributionIndex, self: Writer, now: number): Attribution {
  // Built in place: a long document has tens of thousands of spans, most of them joining the range before.
  const ranges: Array<Mutable<AuthoredRange>> = []
  const uncovered = new Map<number, number>()
  const add = (range: AuthoredRange): void => {
    const last = ranges[ranges.length - 1]
    if (last && last.to === range.from && sameAuthorship(last, range)) last.to = range.to
    else ranges.push({ ...range })
  }

  for (const span of spans) {
    const runs = index.clients.get(span.client) ?? []
    const end = span.clock + (span.to - span.from)
    // Positions and clocks advance together: position = offset + clock.
    const offset = span.from - span.clock
    let covered = span.clock
    for (let i = firstRunEndingAfter(runs, span.clock); i < runs.length; i++) {
      const run = runs[i]!
      if (run.start >= end) break
      const from = Math.max(run.start, span.clock)
      const to = Math.min(run.end, end)
      if (from > covered) uncovered.set(span.client, Math.max(uncovered.get(span.client) ?? 0, from))
      add({ from: offset + from, to: offset + to, person: run.person, time: run.time, pending: false, leaf: span.leaf })
      covered = to
    }
    if (covered >= end) continue
    uncovered.set(span.client, Math.max(uncovered.get(span.client) ?? 0, end))
    const person = span.client === self.client && self.person !== null ? self.person : lastPerson(runs, covered)
    if (person !== undefined) add({ from: offset + covered, to: offset + end, person, time: now, pending: true, leaf: span.leaf })
  }
  return { ranges, uncovered }
}

function sameAuthorship(a: AuthoredRange, b: AuthoredRange): boolean {
  return a.person === b.person && a.time === b.time && a.pending === b.pending && a.leaf === b.leaf
}

/** The index of the first run whose end is after `clock` (runs are sorted and never overlap). */
function firstRunEndingAfter(runs: readonly AttributionRun[], clock: number): number {
  let low = 0
  let high = runs.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (runs[middle]!.end <= clock) low = middle + 1
    else high = middle
  }
  return low
}

/** Who the client last wrote as, for clocks past its runs; undefined for a gap inside them or an unknown client. */
function lastPerson(runs: readonly AttributionRun[], clock: number): string | null | undefined {
  const last = runs.at(-1)
  return last && clock >= last.end ? last.person : undefined
}
