/**
 * Who is writing: the name and colour other people see on your avatar and caret.
 *
 * There are no accounts yet, so this is self-declared and kept in the browser. It is
 * published to collaborators through the awareness field `user`.
 */
import { isPaletteColour, PALETTE } from './palette'

export interface Identity {
  readonly name: string
  readonly color: string
}

/** Long enough for "Firstname Lastname (Local group)"; short enough to fit a caret label. */
export const NAME_MAX_LENGTH = 40

/** Trims and collapses runs of whitespace, so "  Ana   María " is stored as "Ana María". */
export function normaliseName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').slice(0, NAME_MAX_LENGTH)
}

/**
 * Reads an identity from untrusted storage. A colour that is no longer in the palette
 * is replaced rather than rejected, so a palette change does not make people re-introduce themselves.
 */
export function parseIdentity(value: unknown): Identity | null {
  if (typeof value !== 'object' || value === null) return null
  const { name, color } = value as Record<string, unknown>
  if (typeof name !== 'string' || typeof color !== 'string') return null
  const cleanName = normaliseName(name)
  if (cleanName === '') return null
  return { name: cleanName, color: isPaletteColour(color) ? color : PALETTE[0]!.value }
}
