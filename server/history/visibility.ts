/**
 * Which part of a Yjs item a snapshot shows, read without changing the document.
 *
 * Yjs's own snapshot readers (createDocFromSnapshot, YText.toDelta with a snapshot) first split
 * the live document's items at every snapshot boundary, in a transaction. History reads the
 * room's live document while people type in it, so it reads ranges instead: an item shows the
 * clocks that the state vector had reached, minus those in the delete set.
 */
import type * as Y from 'yjs'

/** Offsets [from, to) into the item that `snapshot` shows, in order. */
export type Spans = Array<[from: number, to: number]>

export function visibleSpans(item: Y.Item, snapshot: Y.Snapshot): Spans {
  const { client, clock } = item.id
  const reached = Math.min(item.length, (snapshot.sv.get(client) ?? 0) - clock)
  if (reached <= 0) return []
  const deleted = snapshot.ds.clients.get(client) ?? []
  const spans: Spans = []
  let from = 0
  for (let index = firstEndingAfter(deleted, clock); index < deleted.length; index++) {
    const range = deleted[index]!
    const start = range.clock - clock
    if (start >= reached) break
    if (start > from) spans.push([from, start])
    from = Math.max(from, start + range.len)
  }
  if (from < reached) spans.push([from, reached])
  return spans
}

/** Whether a one-clock item (an element, a format mark) shows in `snapshot`. */
export function shows(item: Y.Item, snapshot: Y.Snapshot): boolean {
  const spans = visibleSpans(item, snapshot)
  return spans.length > 0 && spans[0]![0] === 0
}

/** The first range (sorted by clock) that ends after `clock`. */
function firstEndingAfter(ranges: ReadonlyArray<{ clock: number; len: number }>, clock: number): number {
  let low = 0
  let high = ranges.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const range = ranges[middle]!
    if (range.clock + range.len <= clock) low = middle + 1
    else high = middle
  }
  return low
}
