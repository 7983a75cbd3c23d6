/**
 * "Changes since my last visit": which moment that is.
 *
 * A visit is a stretch of time with the document open, with gaps shorter than `gapMs`: a reload,
 * or a look at the History page, does not end it. While a visit goes on (or has just ended),
 * the last visit is the one before it: what the person had seen when this one began. Once they
 * have been away for longer than the gap, it is what they had seen when they left.
 */
import type { SeenPoint, StoredVisit } from './version-model'

/** The point to compare from, or null when there is no earlier visit. */
export function lastVisit(visit: StoredVisit | undefined, now: number, gapMs: number): SeenPoint | null {
  if (!visit) return null
  return now - visit.seen.at > gapMs ? visit.seen : visit.since
}

/** Someone opens the document: after a long enough absence, a new visit begins. */
export function returned(visit: StoredVisit | undefined, now: number, gapMs: number): StoredVisit | undefined {
  if (!visit || now - visit.seen.at <= gapMs) return visit
  return { ...visit, since: visit.seen }
}
