/**
 * The palette as a radio group: arrow keys move between swatches, as in any native radio group.
 *
 * A colour from outside the palette (one the server gave an account, or one set through the
 * API) is offered first as "Current colour", so opening the profile never changes it silently.
 */
import { isPaletteColour, PALETTE, type PaletteColour } from '../../model/palette'
import './colour-picker.css'

interface ColourPickerProps {
  readonly value: string
  /** The colour the person has now; offered even when it is not in the palette. */
  readonly current: string
  readonly onChange: (color: string) => void
}

export function ColourPicker({ value, current, onChange }: ColourPickerProps) {
  const choices: readonly PaletteColour[] = isPaletteColour(current)
    ? PALETTE
    : [{ name: 'Current colour', value: current }, ...PALETTE]
  return (
    <fieldset className="colour-picker">
      <legend className="field-label">Your colour</legend>
      <div className="colour-picker__swatches">
        {choices.map((colour) => (
          <label key={colour.value} className="colour-picker__swatch" title={colour.name}>
            <input
              type="radio"
              name="color"
              value={colour.value}
              checked={value === colour.value}
              onChange={() => onChange(colour.value)}
              aria-label={colour.name}
              data-testid={`identity-color-${colour.name.toLowerCase().replaceAll(' ', '-')}`}
            />
            <span style={{ backgroundColor: colour.value }} aria-hidden="true" />
          </label>
        ))}
      </div>
    </fieldset>
  )
}
