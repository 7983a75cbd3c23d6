/**
 * `?find=<text>` in a document's address selects the first place that text stands and
 * scrolls to it: how "My contributions" links to where an accepted suggestion's words are now.
 */
import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'

export function useFindOnLoad(editor: Editor, text: string | null): void {
  useEffect(() => {
    if (!text) return
    let at = -1
    editor.state.doc.descendants((node, pos) => {
      if (at >= 0) return false
      const index = node.isText ? (node.text ?? '').indexOf(text) : -1
      if (index >= 0) at = pos + index
      return at < 0
    })
    if (at >= 0) editor.chain().setTextSelection({ from: at, to: at + text.length }).scrollIntoView().run()
  }, [editor, text])
}
