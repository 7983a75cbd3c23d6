/**
 * What the server keeps about a document's history beyond the document itself: its versions
 * and each signed-in person's last visit. The document (a Y.Doc that never collects garbage)
 * holds every character ever written; a version is only a point in it, a Yjs snapshot.
 *
 * A snapshot is a state vector (how far each client had written) and a delete set (what was
 * deleted by then). Delete sets only grow, so each version stores just the deletions made
 * since the version before it (snapshots.ts); the full set is the union of them all.
 */
import { z } from 'zod'
import { checkedWith, type RecordKind } from '../storage/record-kind'

/**
 * edits:    after a burst of editing (history-recorder.ts says when);
 * decision: right after a maintainer's decision on a suggestion changed the text;
 * named:    a maintainer saved the text as it stood, under a name;
 * restore:  a maintainer brought back an older version, as a new edit.
 */
export type VersionKind = 'edits' | 'decision' | 'named' | 'restore'

export interface StoredVersion {
  id: string
  /** 1, 2, 3… in the order versions were recorded. */
  number: number
  /** Milliseconds since 1970, from the server's clock. */
  at: number
  kind: VersionKind
  name: string | null
  note: string | null
  /** Who named it (a user id). */
  namedBy: string | null
  /** Who made the change this version was recorded for: a decision's maintainer, or who restored. */
  by: string | null
  /** The people whose edits it holds since the version before it. */
  people: string[]
  /** Characters added and removed since the version before it. */
  added: number
  removed: number
  /** The decisions (review-model.ts) whose changes it records. */
  decisions: string[]
  restoredFrom: string | null
  /** Base64 of a Yjs snapshot: the full state vector, and the deletions since the version before. */
  snapshot: string
}

/** A moment someone saw the document at, as a snapshot relative to the newest version then. */
export interface SeenPoint {
  at: number
  /** The newest version then, whose deletions `snapshot` adds to (null: there was none). */
  base: string | null
  snapshot: string
}

/**
 * What someone has seen (visits.ts). `seen` is when their last connection closed; `since` is
 * what they had seen when their latest visit began, which is what "changes since my last
 * visit" compares with while that visit goes on (they may have left the document for its
 * History page a moment ago).
 */
export interface StoredVisit {
  seen: SeenPoint
  since: SeenPoint | null
}

export interface HistoryRecord {
  versions: StoredVersion[]
  /** User id → their last visit. */
  visits: Record<string, StoredVisit>
}

/**
 * Each document's history record, in storage. Named "history": the file store keeps these in
 * DATA_DIR/history/, where earlier releases put them. Visits are not checked further: those
 * stored before visits had `seen` and `since` are plain objects of another shape.
 */
export const historyRecords: RecordKind<HistoryRecord> = {
  name: 'history',
  empty: () => ({ versions: [], visits: {} }),
  parse: checkedWith(
    'history',
    z.looseObject({
      versions: z.array(z.looseObject({ id: z.string(), number: z.number(), snapshot: z.string() })),
      visits: z.record(z.string(), z.looseObject({})),
    }),
  ),
}
