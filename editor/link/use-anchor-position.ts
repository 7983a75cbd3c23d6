/**
 * Places a popover under the cursor, inside a positioned frame, and keeps it there as the
 * document changes (our own typing or someone else's) and as the window resizes.
 */
import type { Editor } from '@tiptap/core'
import { type RefObject, useLayoutEffect, useState } from 'react'

export interface AnchorPosition {
  readonly top: number
  readonly left: number
}

/** Gap between the cursor's line and the popover, and between the popover and the frame's edges. */
const GAP = 8

export function useAnchorPosition(
  editor: Editor,
  frameRef: RefObject<HTMLElement | null>,
  popoverRef: RefObject<HTMLElement | null>,
  /** Recompute when this changes, e.g. when the popover switches to a wider mode. */
  layoutKey: string | null,
): AnchorPosition | null {
  const [position, setPosition] = useState<AnchorPosition | null>(null)

  useLayoutEffect(() => {
    if (layoutKey === null) {
      setPosition(null)
      return
    }
    const update = (): void => {
      const frame = frameRef.current
      const popover = popoverRef.current
      if (!frame || !popover || editor.isDestroyed) return
      const caret = editor.view.coordsAtPos(editor.state.selection.from)
      const box = frame.getBoundingClientRect()
      const maxLeft = Math.max(GAP, box.width - popover.offsetWidth - GAP)
      const next = {
        top: Math.round(caret.bottom - box.top + GAP),
        left: Math.round(Math.min(Math.max(caret.left - box.left - 16, GAP), maxLeft)),
      }
      setPosition((previous) => (previous?.top === next.top && previous.left === next.left ? previous : next))
    }
    update()
    editor.on('transaction', update)
    window.addEventListener('resize', update)
    return () => {
      editor.off('transaction', update)
      window.removeEventListener('resize', update)
    }
  }, [editor, frameRef, popoverRef, layoutKey])

  return position
}
