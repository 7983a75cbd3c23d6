/**
 * What the "+N" beyond the avatars says on hover and to screen readers: the hidden people's
 * names, but in a crowd only the first few and a count. With 200 people present, all 195 names
 * made a tooltip taller than the screen and a label nobody would listen to the end of.
 */

/** A tooltip of a few lines; beyond that a list is no longer read, only counted. */
export const MOST_NAMED = 20

export function overflowLabel(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  if (names.length <= MOST_NAMED) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  const others = names.length - MOST_NAMED
  return `${names.slice(0, MOST_NAMED).join(', ')} and ${others} ${others === 1 ? 'other' : 'others'}`
}
