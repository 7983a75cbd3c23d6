/**
 * Mod-K opens the link form, as in most editors. Tiptap's Link extension has no shortcut of
 * its own because the form is the app's to draw; this extension only hands the key to it.
 */
import { Extension } from '@tiptap/core'

export interface LinkShortcutOptions {
  /** Called when the person presses Mod-K in an editable document. */
  readonly onOpenLinkForm: () => void
}

export const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: 'linkShortcut',

  addOptions() {
    return { onOpenLinkForm: () => undefined }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        if (!this.editor.isEditable) return false
        this.options.onOpenLinkForm()
        return true
      },
    }
  },
})
