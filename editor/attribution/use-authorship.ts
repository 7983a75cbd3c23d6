/**
 * The "Show authors" view of an open document while it is switched on: an AuthorshipTracker
 * for the editor, created in an effect (never during render) and destroyed when the view is
 * switched off or the document closes, which also takes the tints away.
 */
import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { PublicUser } from '../http/users'
import { type AuthorshipSnapshot, AuthorshipTracker } from './authorship-tracker'

export interface AuthorshipView {
  readonly snapshot: AuthorshipSnapshot
  readonly retry: () => void
}

const noSubscription = () => () => {}

export function useAuthorship(
  editor: Editor,
  doc: Y.Doc,
  documentId: string,
  user: PublicUser | null,
  shown: boolean,
  editable: boolean,
): AuthorshipView | null {
  const [tracker, setTracker] = useState<AuthorshipTracker | null>(null)

  useEffect(() => {
    if (!shown) return
    // `editable` is read here only for the first drawing; the effect below follows its changes.
    const created = new AuthorshipTracker({ editor, doc, documentId, user, focusable: !editor.isEditable })
    setTracker(created)
    return () => {
      setTracker(null)
      created.destroy()
    }
  }, [shown, editor, doc, documentId, user])

  useEffect(() => {
    tracker?.setFocusable(!editable)
  }, [tracker, editable])

  const snapshot = useSyncExternalStore(tracker?.subscribe ?? noSubscription, () => tracker?.snapshot ?? null)
  const retry = useCallback(() => tracker?.retry(), [tracker])
  return snapshot ? { snapshot, retry } : null
}
