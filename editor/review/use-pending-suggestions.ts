/**
 * The suggestions pending in the editor's own live document, read again after each change to
 * it, local or remote. Reading walks the whole document, so it runs at most once a frame.
 */
import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { listSuggestions, type SuggestionSummary } from '../../model/schema/suggestion-list'

export function usePendingSuggestions(editor: Editor): SuggestionSummary[] {
  const [pending, setPending] = useState(() => listSuggestions(editor.state.doc))
  useEffect(() => {
    let frame = 0
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged || frame !== 0) return
      frame = requestAnimationFrame(() => {
        frame = 0
        setPending(listSuggestions(editor.state.doc))
      })
    }
    editor.on('transaction', onTransaction)
    return () => {
      editor.off('transaction', onTransaction)
      cancelAnimationFrame(frame)
    }
  }, [editor])
  return pending
}
