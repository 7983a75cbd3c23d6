/**
 * Suggesting mode, as a Tiptap extension: while it is on, every change the person makes
 * (typing, deleting, pasting, Enter, formatting) is dispatched as a suggestion instead
 * (suggest-transaction.ts). Changes that arrive from Yjs (other people, undo and redo,
 * which replay the person's own suggestions backwards) pass through untouched.
 *
 * The page owns the mode: contributors are always suggesting, maintainers choose.
 */
import { Extension } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { suggestTransaction } from './suggest-transaction'
import { suggester } from './suggester'

export interface SuggestingModeOptions {
  /** The signed-in person's user id; null when nobody is (nothing is editable then). */
  author: () => string | null
  isSuggesting: () => boolean
  /** Part of a change could not be made as a suggestion and was left out. */
  onRefused: () => void
}

export const SuggestingMode = Extension.create<SuggestingModeOptions>({
  name: 'suggestingMode',

  addOptions: () => ({ author: () => null, isSuggesting: () => false, onRefused: () => {} }),

  dispatchTransaction({ transaction, next }) {
    const author = this.options.author()
    if (!transaction.docChanged || !this.options.isSuggesting() || author === null || fromYjs(transaction)) {
      next(transaction)
      return
    }
    const suggested = suggestTransaction(transaction, this.editor.state, suggester(author))
    if (suggested.refused) this.options.onRefused()
    next(suggested.transaction)
  },
})

function fromYjs(transaction: Transaction): boolean {
  const meta = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
  return meta?.isChangeOrigin === true
}
