/** Counts as people read them: digits grouped in the reader's locale ("12,480"), with a unit where one is needed. */

export function formatCount(count: number): string {
  return count.toLocaleString()
}

export function characterCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'character' : 'characters'}`
}
