/**
 * The colours a person can pick for their avatar and caret.
 *
 * The profile dialog offers these; the server gives a new account its first colour.
 *
 * Each one carries white initials and white caret labels at a contrast of at least
 * 4.9:1 (WCAG AA asks 4.5:1), and they are far enough apart in hue to tell people apart
 * at a glance. Names are for screen readers and tooltips.
 */
export interface PaletteColour {
  readonly name: string
  readonly value: string
}

export const PALETTE: readonly PaletteColour[] = [
  { name: 'Red', value: '#b3261e' },
  { name: 'Ochre', value: '#a16207' },
  { name: 'Green', value: '#15803d' },
  { name: 'Teal', value: '#0e7490' },
  { name: 'Blue', value: '#1d4ed8' },
  { name: 'Violet', value: '#7c3aed' },
  { name: 'Raspberry', value: '#be185d' },
  { name: 'Slate', value: '#475569' },
]

export function isPaletteColour(value: string): boolean {
  return PALETTE.some((colour) => colour.value === value)
}
