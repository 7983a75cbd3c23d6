/**
 * Editing or suggesting, as in Google Docs. Maintainers choose; contributors always
 * suggest, and are told so. When part of a change could not be made as a suggestion
 * (a change of structure such as turning a paragraph into a list), the switch says so.
 */
import './mode-switch.css'

export type EditingMode = 'editing' | 'suggesting'

interface ModeSwitchProps {
  readonly mode: EditingMode
  /** Null when the person may only suggest. */
  readonly onChange: ((mode: EditingMode) => void) | null
  readonly refusedChange: boolean
}

export function ModeSwitch({ mode, onChange, refusedChange }: ModeSwitchProps) {
  return (
    <div className="mode-switch" data-testid="mode-switch" data-mode={mode}>
      {onChange ? (
        <div role="group" aria-label="Editing mode" className="mode-switch__choices">
          <ModeButton label="Editing" pressed={mode === 'editing'} onClick={() => onChange('editing')} />
          <ModeButton label="Suggesting" pressed={mode === 'suggesting'} onClick={() => onChange('suggesting')} />
        </div>
      ) : (
        <span className="mode-switch__badge" title="Your changes are suggestions. A maintainer accepts or rejects each one.">
          Suggesting
        </span>
      )}
      <span role="status" className="mode-switch__status">
        {refusedChange ? 'That change can’t be made as a suggestion yet, so it was left out.' : ''}
      </span>
    </div>
  )
}

function ModeButton({ label, pressed, onClick }: { label: string; pressed: boolean; onClick: () => void }) {
  return (
    <button type="button" className="mode-switch__choice" aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  )
}
