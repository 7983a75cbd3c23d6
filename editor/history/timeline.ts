/**
 * Where things sit on the timeline: the slider runs over the versions oldest first, one step
 * each, and the named ones are marked on its track at their step.
 */
import type { VersionSummary } from '../http/history'

/** How far along the track step `index` of `count` sits, from 0 (oldest) to 1 (newest). */
export function stepFraction(index: number, count: number): number {
  return count <= 1 ? 1 : index / (count - 1)
}

export interface TimelineMark {
  readonly index: number
  readonly fraction: number
  readonly version: VersionSummary
}

/** The named versions, each at its step. */
export function namedMarks(versions: readonly VersionSummary[]): TimelineMark[] {
  return versions.flatMap((version, index) =>
    version.name === null ? [] : [{ index, fraction: stepFraction(index, versions.length), version }],
  )
}

/** The step of a version, or the newest when it is not (or no longer) in the list. */
export function stepOf(versions: readonly VersionSummary[], versionId: string | null): number {
  const index = versionId === null ? -1 : versions.findIndex((version) => version.id === versionId)
  return index === -1 ? versions.length - 1 : index
}
