/** How each end of a comparison is named in its heading: "Version 3 “Draft 1”", "The current text", "Your last visit (3 Nov, 14:02)". */
import { CURRENT, LAST_VISIT, type ComparisonEnd } from '../http/history'
import { versionMoment } from './version-labels'

export function comparisonEndName(end: ComparisonEnd, now: Date, locale?: string): string {
  if (end.number !== null) return `Version ${end.number}${end.name ? ` “${end.name}”` : ''}`
  if (end.id === CURRENT) return 'The current text'
  if (end.id === LAST_VISIT) return `Your last visit (${versionMoment(end.at, now, locale)})`
  return versionMoment(end.at, now, locale)
}
