/**
 * Keyboard shortcuts as Tiptap writes them ("Mod-Shift-7"), turned into what people read
 * in tooltips ("Ctrl+Shift+7", "⇧⌘7") and what aria-keyshortcuts expects ("Control+Shift+7").
 */
export type Platform = 'apple' | 'other'

export function detectPlatform(navigator: Navigator): Platform {
  return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent) ? 'apple' : 'other'
}

const APPLE_SYMBOLS: Readonly<Record<string, string>> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' }
const OTHER_NAMES: Readonly<Record<string, string>> = { Mod: 'Ctrl', Shift: 'Shift', Alt: 'Alt', Ctrl: 'Ctrl' }
const ARIA_NAMES: Readonly<Record<string, string>> = { Shift: 'Shift', Alt: 'Alt', Ctrl: 'Control' }

/** Apple lists modifiers in a fixed order (⌃⌥⇧⌘) with no separators. */
const APPLE_ORDER = ['Ctrl', 'Alt', 'Shift', 'Mod']

function split(shortcut: string): { modifiers: string[]; key: string } {
  const parts = shortcut.split('-')
  const key = parts.pop() ?? ''
  return { modifiers: parts, key: key.length === 1 ? key.toUpperCase() : key }
}

export function formatShortcut(shortcut: string, platform: Platform): string {
  const { modifiers, key } = split(shortcut)
  if (platform === 'apple') {
    const ordered = [...modifiers].sort((a, b) => APPLE_ORDER.indexOf(a) - APPLE_ORDER.indexOf(b))
    return ordered.map((m) => APPLE_SYMBOLS[m] ?? m).join('') + key
  }
  return [...modifiers.map((m) => OTHER_NAMES[m] ?? m), key].join('+')
}

export function ariaKeyShortcut(shortcut: string, platform: Platform): string {
  const { modifiers, key } = split(shortcut)
  const names = modifiers.map((m) => (m === 'Mod' ? (platform === 'apple' ? 'Meta' : 'Control') : (ARIA_NAMES[m] ?? m)))
  return [...names, key].join('+')
}
