/** The palette as a radio group: arrow keys move between swatches, as in any native radio group. */
import { PALETTE } from './palette'

interface ColourPickerProps {
  readonly value: string
  readonly onChange: (color: string) => void
}

export function ColourPicker({ value, onChange }: ColourPickerProps) {
  return (
    <fieldset className="colour-picker">
      <legend className="field-label">Your colour</legend>
      <div className="colour-picker__swatches">
        {PALETTE.map((colour) => (
          <label key={colour.value} className="colour-picker__swatch" title={colour.name}>
            <input
              type="radio"
              name="color"
              value={colour.value}
              checked={value === colour.value}
              onChange={() => onChange(colour.value)}
              aria-label={colour.name}
              data-testid={`identity-color-${colour.name.toLowerCase()}`}
            />
            <span style={{ backgroundColor: colour.value }} aria-hidden="true" />
          </label>
        ))}
      </div>
    </fieldset>
  )
}
