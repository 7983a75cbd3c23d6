/**
 * "Ada Lovelace · 21 Nov 2026, 14:03" under a tinted passage, on hover and on keyboard focus
 * (passages are tab stops in a read-only editor). The passages are ProseMirror's elements,
 * not React's, so this listens on the editor's element and reads the passage's data
 * attributes. Drawn like ui/Tooltip and, like it, visual only: screen readers get the same
 * words from the passage's description.
 */
import type { Editor } from '@tiptap/core'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { TINT_CLASS } from './author-decorations'
import '../ui/tooltip.css'

/** Keeps the tooltip this far from the viewport edges, as ui/Tooltip does. */
const EDGE_MARGIN = 8

interface Shown {
  readonly text: string
  readonly passage: HTMLElement
  /** Which of the passage's lines to stand under: a passage can wrap over several. */
  readonly line: number
}

function passageOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(`.${TINT_CLASS}`) : null
}

export function AuthorTooltip({ editor }: { readonly editor: Editor }) {
  const [shown, setShown] = useState<Shown | null>(null)
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null)
  // Bumped when the page scrolls, to move the tooltip with its passage.
  const [scrolls, setScrolls] = useState(0)
  const tipRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const root = editor.view.dom
    /** `y`: the pointer's height, to pick the line it is over. */
    const show = (passage: HTMLElement, y?: number): void => {
      const text = passage.dataset.passage
      if (!text) return
      const line = [...passage.getClientRects()].findIndex((rect) => y !== undefined && rect.top <= y && y <= rect.bottom)
      setShown({ text, passage, line: Math.max(0, line) })
    }
    const hide = (): void => {
      setShown(null)
      setPosition(null)
    }
    const onPointerOver = (event: PointerEvent): void => {
      const passage = passageOf(event.target)
      // Touch has no hover; a tooltip would only cover what the finger is reaching for.
      if (passage && event.pointerType !== 'touch') show(passage, event.clientY)
    }
    const onPointerOut = (event: PointerEvent): void => {
      const from = passageOf(event.target)
      if (from && passageOf(event.relatedTarget) !== from) hide()
    }
    const onFocusIn = (event: FocusEvent): void => {
      const passage = passageOf(event.target)
      if (passage && passage === event.target) show(passage)
    }
    const onScroll = (): void => setScrolls((count) => count + 1)
    root.addEventListener('pointerover', onPointerOver)
    root.addEventListener('pointerout', onPointerOut)
    root.addEventListener('focusin', onFocusIn)
    root.addEventListener('focusout', hide)
    window.addEventListener('scroll', onScroll, { capture: true, passive: true })
    return () => {
      root.removeEventListener('pointerover', onPointerOver)
      root.removeEventListener('pointerout', onPointerOut)
      root.removeEventListener('focusin', onFocusIn)
      root.removeEventListener('focusout', hide)
      window.removeEventListener('scroll', onScroll, { capture: true })
    }
  }, [editor])

  // Centre under the passage's line, then nudge inside the viewport once the tooltip's width is known.
  useLayoutEffect(() => {
    const tip = tipRef.current
    if (!shown || !tip) return
    // ProseMirror redraws a passage whose author or time changed; the old element is gone.
    if (!shown.passage.isConnected) {
      setShown(null)
      setPosition(null)
      return
    }
    const anchor = shown.passage.getClientRects()[shown.line] ?? shown.passage.getBoundingClientRect()
    const half = tip.offsetWidth / 2
    const centre = anchor.left + anchor.width / 2
    const max = document.documentElement.clientWidth - EDGE_MARGIN - half
    setPosition({ top: anchor.bottom + 6, left: Math.max(EDGE_MARGIN + half, Math.min(centre, max)) })
  }, [shown, scrolls])

  if (!shown) return null
  return createPortal(
    <div
      ref={tipRef}
      className="tooltip author-tooltip"
      aria-hidden="true"
      data-testid="author-tooltip"
      style={{ top: position?.top ?? 0, left: position?.left ?? 0, visibility: position === null ? 'hidden' : 'visible' }}
    >
      {shown.text}
    </div>,
    document.body,
  )
}
