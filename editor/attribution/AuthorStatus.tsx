/**
 * Who wrote the passage at the caret, in a line under the toolbar: what the tooltip tells
 * the mouse, for people who write with the keyboard. Polite, so a screen reader says it
 * after what it is already reading, and only when the author changes.
 */
import type { Editor } from '@tiptap/core'
import { useCallback, useSyncExternalStore } from 'react'
import { passageAtCaret } from './author-tints'
import './authors.css'

export function AuthorStatus({ editor }: { readonly editor: Editor }) {
  const subscribe = useCallback(
    (onChange: () => void) => {
      editor.on('transaction', onChange)
      return () => {
        editor.off('transaction', onChange)
      }
    },
    [editor],
  )
  const label = useSyncExternalStore(subscribe, () => passageAtCaret(editor.state)?.label ?? null)
  return (
    <p className="author-status" aria-live="polite" data-testid="author-status">
      {label === null ? 'Put the caret in the text to see who wrote it.' : <>At the caret: {label}</>}
    </p>
  )
}
