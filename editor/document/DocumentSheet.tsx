/**
 * The page the text sits on: the editor and its link popover, sharing one focus area so the
 * popover stays open while the person moves between the text and the popover. A panel about
 * the text (the review panel, the authors legend) can sit beside it, or above it on narrower screens.
 */
import type { Editor } from '@tiptap/core'
import { EditorContent } from '@tiptap/react'
import { type FocusEvent, type ReactNode, useRef, useState } from 'react'
import { LinkPopover } from '../link/LinkPopover'
import './prose.css'
import '../presence/carets.css'

interface DocumentSheetProps {
  readonly editor: Editor
  readonly linkFormOpen: boolean
  readonly onOpenLinkForm: () => void
  readonly onCloseLinkForm: () => void
  /** Shown beside the sheet (above it on narrower screens); first in reading order. */
  readonly aside?: ReactNode
}

export function DocumentSheet({ editor, linkFormOpen, onOpenLinkForm, onCloseLinkForm, aside }: DocumentSheetProps) {
  const frameRef = useRef<HTMLElement>(null)
  const [focused, setFocused] = useState(false)

  function onBlur(event: FocusEvent<HTMLElement>): void {
    const next = event.relatedTarget
    if (next instanceof Node && event.currentTarget.contains(next)) return
    // Switching to another window is not leaving the document: keep a half-typed link address.
    if (!document.hasFocus()) return
    setFocused(false)
    onCloseLinkForm()
  }

  return (
    <main className={aside ? 'document-canvas document-canvas--with-aside' : 'document-canvas'}>
      {aside && <div className="document-aside">{aside}</div>}
      <article ref={frameRef} className="document-sheet" onFocus={() => setFocused(true)} onBlur={onBlur}>
        <EditorContent editor={editor} />
        <LinkPopover
          editor={editor}
          frameRef={frameRef}
          frameFocused={focused}
          formOpen={linkFormOpen}
          onOpenForm={onOpenLinkForm}
          onCloseForm={onCloseLinkForm}
        />
      </article>
    </main>
  )
}
