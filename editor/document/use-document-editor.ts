/**
 * The Tiptap editor for an open document: the shared schema, bound to the session's Y.Doc,
 * with other people's carets and our Mod-K link shortcut.
 */
import type { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { useEditor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import type { Identity } from '../identity/identity'
import { LinkShortcut } from '../link/link-shortcut'
import { DOCUMENT_FRAGMENT, documentExtensions } from '../schema/extensions'
import type { CollabSession } from './collab-session'

export function useDocumentEditor(session: CollabSession, identity: Identity, onOpenLinkForm: () => void): Editor {
  // Extensions are configured once per editor; the ref lets the shortcut always reach the current callback.
  const openLinkForm = useRef(onOpenLinkForm)
  useEffect(() => {
    openLinkForm.current = onOpenLinkForm
  }, [onOpenLinkForm])

  const editor = useEditor(
    {
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ document: session.doc, field: DOCUMENT_FRAGMENT }),
        CollaborationCaret.configure({ provider: session.provider, user: { ...identity } }),
        LinkShortcut.configure({ onOpenLinkForm: () => openLinkForm.current() }),
      ],
      editorProps: {
        attributes: {
          class: 'prose',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Document text',
          spellcheck: 'true',
        },
      },
    },
    [session],
  )

  // A new name or colour reaches everyone through awareness at once; the editor stays as it is.
  useEffect(() => {
    editor.commands.updateUser({ name: identity.name, color: identity.color })
  }, [editor, identity])

  return editor
}
