/**
 * Versions as Yjs snapshots, stored small.
 *
 * In a document that never collects garbage, nothing deleted is ever undeleted, so each
 * version's delete set contains the one before it. A version therefore stores its full state
 * vector (a few bytes per client) and only the deletions made since the version before it;
 * the delete set at version n is the union of the stored deletions of versions 1…n. On the
 * automerge-paper trace that is tens of bytes per version instead of kilobytes (docs/benchmarks.md).
 */
import * as Y from 'yjs'

type DeleteSet = Y.Snapshot['ds']
type DeleteRange = { clock: number; len: number }

/** Base64 of the snapshot `full`, keeping only the deletions that `base` does not have. */
export function encodeRelative(full: Y.Snapshot, base: DeleteSet | null): string {
  const deletions = base === null ? full.ds : subtract(full.ds, base)
  return Buffer.from(Y.encodeSnapshot(Y.createSnapshot(deletions, full.sv))).toString('base64')
}

/** Reads a snapshot stored by `encodeRelative`, given the delete set it was relative to. */
export function decodeRelative(stored: string, base: DeleteSet | null): Y.Snapshot {
  const relative = Y.decodeSnapshot(Buffer.from(stored, 'base64'))
  return Y.createSnapshot(base === null ? relative.ds : Y.mergeDeleteSets([base, relative.ds]), relative.sv)
}

/** The full snapshot of every stored version, oldest first: each one's deletions added to the last. */
export function decodeChain(stored: readonly string[]): Y.Snapshot[] {
  const snapshots: Y.Snapshot[] = []
  let base: DeleteSet | null = null
  for (const entry of stored) {
    const snapshot = decodeRelative(entry, base)
    snapshots.push(snapshot)
    base = snapshot.ds
  }
  return snapshots
}

/** The ranges of `from` that `without` lacks, client by client. Both are sorted and merged. */
export function subtract(from: DeleteSet, without: DeleteSet): DeleteSet {
  const result = Y.createDeleteSet()
  for (const [client, ranges] of from.clients) {
    const removed = without.clients.get(client) ?? []
    const kept = subtractRanges(ranges, removed)
    if (kept.length > 0) result.clients.set(client, kept as typeof ranges)
  }
  return result
}

function subtractRanges(ranges: readonly DeleteRange[], removed: readonly DeleteRange[]): DeleteRange[] {
  const kept: DeleteRange[] = []
  let index = 0
  for (const { clock, len } of ranges) {
    let start = clock
    const end = clock + len
    while (index < removed.length && removed[index]!.clock + removed[index]!.len <= start) index++
    for (let at = index; at < removed.length && removed[at]!.clock < end; at++) {
      const cut = removed[at]!
      if (cut.clock > start) kept.push({ clock: start, len: cut.clock - start })
      start = Math.max(start, cut.clock + cut.len)
    }
    if (start < end) kept.push({ clock: start, len: end - start })
  }
  return kept
}
