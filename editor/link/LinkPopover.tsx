/**
 * The link popover under the cursor: a preview while the cursor is inside a link, and the
 * address form when the person asks for it (Mod-K, the toolbar button, or "Edit").
 */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { type RefObject, useEffect, useRef } from 'react'
import { applyLink, currentHref, removeLink } from './link-commands'
import { LinkForm } from './LinkForm'
import { LinkPreview } from './LinkPreview'
import { useAnchorPosition } from './use-anchor-position'
import './link.css'

interface LinkPopoverProps {
  readonly editor: Editor
  /** The positioned element the popover is placed in. */
  readonly frameRef: RefObject<HTMLElement | null>
  /** Whether focus is in the editor or the popover; the preview hides when the person works elsewhere. */
  readonly frameFocused: boolean
  readonly formOpen: boolean
  readonly onOpenForm: () => void
  readonly onCloseForm: () => void
}

export function LinkPopover({ editor, frameRef, frameFocused, formOpen, onOpenForm, onCloseForm }: LinkPopoverProps) {
  const { inLink, href, editable } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ inLink: e.isActive('link'), href: currentHref(e), editable: e.isEditable }),
  })
  const popoverRef = useRef<HTMLDivElement>(null)
  const mode = !editable ? null : formOpen ? 'form' : inLink && href && frameFocused ? 'preview' : null
  const position = useAnchorPosition(editor, frameRef, popoverRef, mode)

  // Clicking back into the text means the person moved on: close the form.
  useEffect(() => {
    if (!formOpen) return
    editor.on('focus', onCloseForm)
    return () => {
      editor.off('focus', onCloseForm)
    }
  }, [editor, formOpen, onCloseForm])

  if (mode === null) return null

  const cancel = (): void => {
    onCloseForm()
    editor.commands.focus()
  }

  return (
    <div
      ref={popoverRef}
      className={`link-popover link-popover--${mode}`}
      data-testid="link-popover"
      // Transparent, not hidden, until placed: a hidden element could not take the form's focus.
      style={position ? { top: position.top, left: position.left } : { opacity: 0 }}
    >
      {mode === 'form' ? (
        <LinkForm
          initialHref={href ?? ''}
          canRemove={inLink}
          onApply={(next) => {
            onCloseForm()
            applyLink(editor, next)
          }}
          onRemove={() => {
            onCloseForm()
            removeLink(editor)
          }}
          onCancel={cancel}
        />
      ) : (
        <LinkPreview href={href ?? ''} onEdit={onOpenForm} onRemove={() => removeLink(editor)} />
      )}
    </div>
  )
}
