/**
 * Avatar initials: the first letter of the first and last words ("Ana María Pérez" -> "AP"),
 * or one letter for a single name. Letters are taken by code point so names in any script work.
 */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((word) => word !== '')
  const first = words[0]
  if (first === undefined) return '?'
  const last = words.length > 1 ? words[words.length - 1] : undefined
  const letter = (word: string): string => Array.from(word)[0] ?? ''
  return (letter(first) + (last ? letter(last) : '')).toLocaleUpperCase()
}
