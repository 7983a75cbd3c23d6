/**
 * The title on a changed piece of text in a comparison: "Added by Carla · 3 Nov, 14:02" or
 * "Deleted by Dan · …". A deletion is named after whoever deleted it, not whoever wrote it:
 * that is the question a reader of a comparison asks.
 */
import { versionMoment } from './version-labels'

export type ChangeKind = 'added' | 'removed'

/** `name` is null for changes nobody is named for (the starter text, an account since removed). */
export function changeTitle(kind: ChangeKind, name: string | null, at: string | null, now: Date, locale?: string): string {
  const verb = kind === 'added' ? 'Added' : 'Deleted'
  const who = name === null ? verb : `${verb} by ${name}`
  const when = at === null ? '' : versionMoment(at, now, locale)
  return when ? `${who} · ${when}` : who
}
