/**
 * Runs: who did something to a span of one Yjs client's clocks, and when.
 *
 * Attribution is kept per span of clocks, not per character: consecutive edits by
 * one person within RUN_SPAN_MS share a run. A minute is as fine as "when" needs
 * to be for people reading a document's history, and it keeps a long document's
 * index to thousands of runs instead of a run per keystroke.
 */
export const RUN_SPAN_MS = 60_000

export interface Run {
  /** First clock of the span. */
  start: number
  /** Clock just after the span. */
  end: number
  /** A user id, or null for text the server wrote itself (the starter text). */
  readonly person: string | null
  /** When the run began and when it last grew (ms since 1970). */
  readonly time: number
  until: number
  /**
   * For insertions: the text was carried over from deleted text (a paragraph split,
   * or a paragraph turned into a heading), and `person` and `time` are the original
   * writer's. For deletions: the text was deleted only to be carried elsewhere.
   */
  readonly carried: boolean
}

/** Runs of one client, sorted by clock and never overlapping. */
export class RunList {
  readonly runs: Run[] = []

  /** The index of the run holding `clock`, or -1. */
  find(clock: number): number {
    let low = 0
    let high = this.runs.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const run = this.runs[middle]!
      if (clock < run.start) high = middle - 1
      else if (clock >= run.end) low = middle + 1
      else return middle
    }
    return -1
  }

  /** Adds a span that overlaps no run (use fill otherwise), merging it into a neighbour by the same person when it can. */
  add(start: number, end: number, person: string | null, time: number, carried: boolean): void {
    const at = this.insertionPoint(start)
    const before = this.runs[at - 1]
    const after = this.runs[at]
    if (before && before.end === start && joins(before, person, time, carried)) {
      before.end = end
      before.until = Math.max(before.until, time)
      if (after && after.start === end && joins(before, after.person, after.time, after.carried)) {
        before.end = after.end
        before.until = Math.max(before.until, after.until)
        this.runs.splice(at, 1)
      }
      return
    }
    if (after && after.start === end && joins(after, person, time, carried)) {
      after.start = start
      after.until = Math.max(after.until, time)
      return
    }
    this.runs.splice(at, 0, { start, end, person, time, until: time, carried })
  }

  /** Adds the parts of [start, end) that no run covers yet: what is attributed once stays attributed. */
  fill(start: number, end: number, person: string | null, time: number, carried: boolean): void {
    const gaps: Array<[number, number]> = []
    let clock = start
    this.forEach(start, end, (_run, from, to) => {
      if (from > clock) gaps.push([clock, from])
      clock = to
    })
    if (clock < end) gaps.push([clock, end])
    for (const [from, to] of gaps) this.add(from, to, person, time, carried)
  }

  /** Calls `visit` for each run overlapping [start, end), with the overlap. */
  forEach(start: number, end: number, visit: (run: Run, from: number, to: number) => void): void {
    let index = this.find(start)
    if (index === -1) index = this.insertionPoint(start)
    for (; index < this.runs.length; index++) {
      const run = this.runs[index]!
      if (run.start >= end) break
      visit(run, Math.max(start, run.start), Math.min(end, run.end))
    }
  }

  /** The index of the first run that starts at or after `clock`. */
  private insertionPoint(clock: number): number {
    let low = 0
    let high = this.runs.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.runs[middle]!.start < clock) low = middle + 1
      else high = middle
    }
    return low
  }
}

/** Carried spans keep the exact original time, so they never merge across times. */
function joins(run: Run, person: string | null, time: number, carried: boolean): boolean {
  if (run.person !== person || run.carried !== carried) return false
  return carried ? run.time === time : Math.abs(time - run.time) < RUN_SPAN_MS
}
