/**
 * How a version is named for people: its moment ("3 Nov, 14:02"), what it changed
 * ("+120 −30 characters"), why it was recorded ("After a decision", "Restored from #3") and who
 * is in it ("Carla, Dan"). Pure, so the list, the banner and the timeline say it the same way.
 */
import type { HistoryPeople, VersionSummary } from '../http/history'

/** The day and minute; the year only when it is not this year's, where it would be noise. */
export function versionMoment(iso: string, now: Date, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const sameYear = date.getFullYear() === now.getFullYear()
  return date.toLocaleString(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  })
}

/** "+120 −30 characters"; a true minus sign, so the two numbers line up in a list. */
export function changeSummary(added: number, removed: number): string {
  const noun = added + removed === 1 ? 'character' : 'characters'
  return `+${added} \u2212${removed} ${noun}`
}

/**
 * Why the version was recorded; `numberOf` finds the number of the version a restore came from,
 * `people` who named a named one.
 */
export function kindLabel(
  version: VersionSummary,
  numberOf: (versionId: string) => number | undefined,
  people: HistoryPeople = {},
): string {
  switch (version.kind) {
    case 'edits':
      return 'Edits'
    case 'decision':
      return 'After a decision'
    case 'named': {
      const namer = version.namedBy === null ? undefined : people[version.namedBy]
      return namer ? `Named by ${namer.displayName}` : 'Named'
    }
    case 'restore': {
      const number = version.restoredFrom === null ? undefined : numberOf(version.restoredFrom)
      return number === undefined ? 'Restored from an earlier version' : `Restored from #${number}`
    }
  }
}

/** The display names of the people in a version, in its order; "someone" for an account the server no longer names. */
export function peopleNames(ids: readonly string[], people: HistoryPeople): string[] {
  return ids.map((id) => people[id]?.displayName ?? 'someone')
}

/** "Version 12 · 3 Nov, 14:02 · Carla, Dan": the banner of a version's own page. */
export function versionHeadline(version: VersionSummary, people: HistoryPeople, now: Date, locale?: string): string {
  const names = peopleNames(version.people, people)
  return [`Version ${version.number}`, versionMoment(version.at, now, locale), ...(names.length ? [names.join(', ')] : [])].join(' · ')
}
