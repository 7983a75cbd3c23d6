/**
 * The Tiptap editor for an open document: the shared schema, bound to the session's Y.Doc,
 * with other people's carets, our Mod-K link shortcut, and the "Show authors" tints (which
 * draw nothing until the view is switched on), and suggesting mode.
 */
import type { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { useEditor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import { AuthorTints } from '../attribution/author-tints'
import { LinkShortcut } from '../link/link-shortcut'
import type { User } from '../http/users'
import { DOCUMENT_FRAGMENT, documentExtensions } from '../../model/schema/extensions'
import { ProposedBreaks } from '../suggesting/proposed-breaks'
import { SuggestingMode } from '../suggesting/suggesting-mode'
import type { CollabSession } from './collab-session'

/**
 * `editable` is the starting state; later changes go through `editor.setEditable`. A reader's
 * editor starts read-only rather than being switched off after mounting, so there is no
 * moment in which a keystroke could be sent (and refused).
 */
/**
 * `user` names this tab's caret. A visitor without an account gets an empty name: the caret
 * extension insists on publishing a user, and the server drops anonymous presence anyway
 * (it shows them only as a count of readers), while the presence bar ignores unnamed entries.
 */
export function useDocumentEditor(
  session: CollabSession,
  user: User | null,
  editable: boolean,
  onOpenLinkForm: () => void,
  suggesting: { on: boolean; onRefused: () => void },
): Editor {
  // Extensions are configured once per editor; refs let them always reach the current values.
  const openLinkForm = useRef(onOpenLinkForm)
  const current = useRef({ user, suggesting })
  useEffect(() => {
    openLinkForm.current = onOpenLinkForm
    current.current = { user, suggesting }
  }, [onOpenLinkForm, user, suggesting])

  return useEditor(
    {
      editable,
      extensions: [
        ...documentExtensions(),
        Collaboration.configure({ document: session.doc, field: DOCUMENT_FRAGMENT }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: user ? { id: user.id, name: user.displayName, color: user.color } : { name: '', color: ANONYMOUS_COLOUR },
        }),
        LinkShortcut.configure({ onOpenLinkForm: () => openLinkForm.current() }),
        AuthorTints,
        ProposedBreaks,
        SuggestingMode.configure({
          author: () => current.current.user?.id ?? null,
          isSuggesting: () => current.current.suggesting.on,
          onRefused: () => current.current.suggesting.onRefused(),
        }),
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
}

const ANONYMOUS_COLOUR = '#475569'
