/** One toolbar control: an icon button with an accessible name, its shortcut, and a tooltip showing both. */
import type { ReactNode } from 'react'
import { useTooltip } from '../ui/Tooltip'
import { ariaKeyShortcut, formatShortcut, type Platform } from './shortcuts'
import '../ui/icon-button.css'

interface ToolbarButtonProps {
  readonly label: string
  /** In Tiptap notation, e.g. "Mod-Shift-7". */
  readonly shortcut: string
  readonly platform: Platform
  readonly icon: ReactNode
  /** Omit for actions (undo); give for toggles (bold), which then expose aria-pressed. */
  readonly active?: boolean
  readonly disabled?: boolean
  readonly onPress: () => void
}

export function ToolbarButton({ label, shortcut, platform, icon, active, disabled, onPress }: ToolbarButtonProps) {
  const tip = `${label} · ${formatShortcut(shortcut, platform)}`
  const { triggerProps, tooltip } = useTooltip(tip)
  return (
    <>
      <button
        type="button"
        className="icon-button toolbar__button"
        aria-label={label}
        aria-pressed={active}
        aria-keyshortcuts={ariaKeyShortcut(shortcut, platform)}
        data-tooltip={tip}
        disabled={disabled}
        // Keep the editor's focus and selection: the command runs on what the person had selected.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onPress}
        {...triggerProps}
      >
        {icon}
      </button>
      {tooltip}
    </>
  )
}
