/**
 * The WAI-ARIA menu button pattern, as behaviour only: a button that opens a menu, arrow
 * keys, Home and End to move between its items, Escape to close and return to the button,
 * and a click or focus anywhere else to close it.
 *
 * The menu stays in the DOM while closed (hidden), so aria-controls always names a real
 * element and a link item is never removed while the browser is still following it.
 * Items are found in the DOM by role, as in the toolbar, so they need no index props.
 */
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react'

/** Which item takes focus when the menu opens: ArrowUp on the button opens at the end. */
type OpenAt = 'first' | 'last'

function itemsOf(menu: HTMLElement): HTMLElement[] {
  return Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]'))
}

/** The item index a navigation key moves to from `index` (-1 when no item has focus), or null for other keys. */
function targetIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null
  switch (key) {
    case 'ArrowDown':
      return (index + 1) % count
    case 'ArrowUp':
      return index <= 0 ? count - 1 : index - 1
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}

export function useMenuButton() {
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const [openAt, setOpenAt] = useState<OpenAt | null>(null)
  const open = openAt !== null
  const buttonId = useId()
  const menuId = useId()

  const close = useCallback((returnFocus: boolean) => {
    setOpenAt(null)
    if (returnFocus) buttonRef.current?.focus()
  }, [])

  // Opening moves focus into the menu, as the pattern asks, whether by keyboard or pointer.
  useLayoutEffect(() => {
    const menu = menuRef.current
    if (!openAt || !menu) return
    const items = itemsOf(menu)
    ;(openAt === 'first' ? items[0] : items.at(-1))?.focus()
  }, [openAt])

  // A press outside closes the menu; pointerdown rather than click, so it closes before a drag or a text selection starts.
  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && rootRef.current?.contains(event.target)) return
      close(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open, close])

  const buttonProps = {
    ref: buttonRef,
    id: buttonId,
    type: 'button' as const,
    'aria-haspopup': 'menu' as const,
    'aria-expanded': open,
    'aria-controls': menuId,
    // Enter and Space reach here too, as the button's native click.
    onClick: () => (open ? close(false) : setOpenAt('first')),
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
      event.preventDefault()
      setOpenAt(event.key === 'ArrowDown' ? 'first' : 'last')
    },
  }

  const menuProps = {
    ref: menuRef,
    id: menuId,
    role: 'menu' as const,
    'aria-labelledby': buttonId,
    hidden: !open,
    onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
      const items = itemsOf(event.currentTarget)
      const index = items.findIndex((item) => item === document.activeElement)
      switch (event.key) {
        case 'Escape':
          event.preventDefault()
          close(true)
          return
        case 'Tab':
          // Not prevented: focus goes back to the button, then moves on from there as if the menu were not open.
          close(true)
          return
        case ' ':
          // Links activate on Enter only; in a menu, Space chooses the item too.
          event.preventDefault()
          items[index]?.click()
          return
      }
      const next = targetIndex(event.key, index, items.length)
      if (next === null) return
      event.preventDefault()
      items[next]?.focus()
    },
    onClick: (event: MouseEvent<HTMLDivElement>) => {
      if (event.target instanceof Element && event.target.closest('[role="menuitem"]')) close(true)
    },
  }

  /** For the element around button and menu: focus moving to anything outside closes the menu. */
  const onBlur = (event: FocusEvent<HTMLElement>): void => {
    const next = event.relatedTarget
    if (open && next instanceof Node && !event.currentTarget.contains(next)) close(false)
  }

  return { open, rootRef, onBlur, buttonProps, menuProps }
}
