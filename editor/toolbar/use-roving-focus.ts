/**
 * Roving tabindex for a toolbar (the WAI-ARIA toolbar pattern): Tab enters and leaves the
 * toolbar in one step, arrow keys, Home and End move between its buttons.
 *
 * Works on the DOM rather than React state so buttons need no index props; React never
 * renders tabIndex on them, so it does not overwrite what we set here.
 */
import { type KeyboardEvent, type RefObject, useCallback, useLayoutEffect } from 'react'

function buttonsOf(container: HTMLElement): HTMLButtonElement[] {
  return Array.from(container.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'))
}

function makeCurrent(buttons: HTMLButtonElement[], current: HTMLButtonElement | undefined): void {
  const target = current ?? buttons[0]
  for (const button of buttons) button.tabIndex = button === target ? 0 : -1
}

export function useRovingFocus(containerRef: RefObject<HTMLElement | null>) {
  // Re-run after every render: buttons become enabled or disabled as the selection moves.
  useLayoutEffect(() => {
    const container = containerRef.current
    if (!container) return
    const buttons = buttonsOf(container)
    makeCurrent(
      buttons,
      buttons.find((button) => button.tabIndex === 0),
    )
  })

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const container = containerRef.current
      if (!container) return
      const buttons = buttonsOf(container)
      const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
      if (index === -1) return
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key]
      if (next === undefined) return
      event.preventDefault()
      const target = buttons[(next + buttons.length) % buttons.length]
      makeCurrent(buttons, target)
      target?.focus()
    },
    [containerRef],
  )

  return { onKeyDown }
}
