/** How many versions were recorded after a visit: what "Changes since your last visit" is about. */
import type { VersionSummary } from '../http/history'

export function versionsSince(versions: readonly VersionSummary[], visitedAt: string): number {
  const visited = Date.parse(visitedAt)
  if (Number.isNaN(visited)) return 0
  return versions.filter((version) => Date.parse(version.at) > visited).length
}
