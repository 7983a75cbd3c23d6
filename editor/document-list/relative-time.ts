/**
 * "5 minutes ago", "yesterday", or a date for anything older than a week: recent activity
 * is what matters when choosing which draft to open.
 */
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
]
const WEEK_SECONDS = 7 * 24 * 60 * 60

export function relativeTime(iso: string, now: Date, locale?: string): string {
  const then = new Date(iso)
  if (Number.isNaN(then.getTime())) return ''
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000)
  const elapsed = Math.abs(seconds)
  if (elapsed < 45) return 'just now'
  if (elapsed >= WEEK_SECONDS) {
    return then.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })
  }
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  // The largest unit that fits at least once: 90 minutes reads "2 hours ago", not "90 minutes ago".
  let chosen: [Intl.RelativeTimeFormatUnit, number] = UNITS[0]!
  for (const unit of UNITS) if (elapsed >= unit[1]) chosen = unit
  // Rounded on the magnitude: Math.round(-1.5) is -1, which would make 90 minutes ago "1 hour ago".
  return format.format(Math.sign(seconds) * Math.round(elapsed / chosen[1]), chosen[0])
}

export function calendarDate(iso: string, locale?: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' })
}
