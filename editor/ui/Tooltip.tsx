/**
 * A small label that appears under a control on hover or keyboard focus.
 *
 * Rendered into <body> with fixed positioning, so scrolling toolbars (overflow: auto on
 * phones) cannot clip it. It is visual only: the control's aria-label and aria-keyshortcuts
 * already tell assistive technology everything the tooltip says.
 */
import {
  type FocusEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
} from 'react'
import { createPortal } from 'react-dom'
import './tooltip.css'

/** Keeps the tooltip this far from the viewport edges. */
const EDGE_MARGIN = 8

interface TriggerProps {
  onPointerEnter: (event: PointerEvent<HTMLElement>) => void
  onPointerLeave: () => void
  onFocus: (event: FocusEvent<HTMLElement>) => void
  onBlur: () => void
}

/** Returns props to spread on the trigger element, and the tooltip to render next to it. */
export function useTooltip(text: string): { triggerProps: TriggerProps; tooltip: ReactNode } {
  const [anchor, setAnchor] = useState<DOMRect | null>(null)
  const tipRef = useRef<HTMLDivElement>(null)
  const [left, setLeft] = useState<number | null>(null)

  const show = useCallback((element: HTMLElement) => setAnchor(element.getBoundingClientRect()), [])
  const hide = useCallback(() => {
    setAnchor(null)
    setLeft(null)
  }, [])

  // Centre under the trigger, then nudge inside the viewport once the tooltip's width is known.
  useLayoutEffect(() => {
    const tip = tipRef.current
    if (!anchor || !tip) return
    const half = tip.offsetWidth / 2
    const centre = anchor.left + anchor.width / 2
    const max = document.documentElement.clientWidth - EDGE_MARGIN - half
    setLeft(Math.max(EDGE_MARGIN + half, Math.min(centre, max)))
  }, [anchor])

  const triggerProps: TriggerProps = {
    onPointerEnter: (event) => {
      // Touch has no hover; a tooltip would only cover what the finger is reaching for.
      if (event.pointerType !== 'touch') show(event.currentTarget)
    },
    onPointerLeave: hide,
    onFocus: (event) => {
      if (event.currentTarget.matches(':focus-visible')) show(event.currentTarget)
    },
    onBlur: hide,
  }

  const tooltip = anchor
    ? createPortal(
        <div
          ref={tipRef}
          className="tooltip"
          aria-hidden="true"
          style={{
            top: anchor.bottom + 8,
            left: left ?? anchor.left + anchor.width / 2,
            visibility: left === null ? 'hidden' : 'visible',
          }}
        >
          {text}
        </div>,
        document.body,
      )
    : null

  return { triggerProps, tooltip }
}
