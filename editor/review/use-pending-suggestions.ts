/**
 * The suggestions pending in the editor's own live document, read again after each change to
 * it, local or remote. Reading walks the whole document, so it runs at most once a frame; and
 * the page re-renders only when the list itself changed, not on every change to the text (in
 * a crowd of authors that was every frame, and most of the page's React work: browser-crowd).
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
        const next = listSuggestions(editor.state.doc)
        setPending((current) => (sameSuggestions(current, next) ? current : next))
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

/** Plain data, so equal JSON is equal content; the lists are short (one entry per pending suggestion). */
function sameSuggestions(a: readonly SuggestionSummary[], b: readonly SuggestionSummary[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b)
}
