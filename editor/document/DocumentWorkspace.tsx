/**
 * Opens the collaboration session for a document, tells co-writers who this tab is, and
 * shows the editor once the text has arrived.
 */
import { useEffect } from 'react'
import type { DocumentSummary } from '../http/documents'
import type { User } from '../http/users'
import { usePublishedUser } from '../presence/use-published-user'
import { CollaborativeDocument } from './CollaborativeDocument'
import { DocumentSkeleton } from './DocumentSkeleton'
import { useResyncOnRefusal } from './use-resync-on-refusal'
import { useCollabSession, useSessionReady } from './use-collab-session'

interface DocumentWorkspaceProps {
  readonly document: DocumentSummary
  readonly user: User | null
  /** The server answered a settings change with the document as it now is. */
  readonly onDocumentChange: (document: DocumentSummary) => void
  /** Members or blocks changed; the caller's own role may have changed with them. */
  readonly onAccessChange: () => void
}

export function DocumentWorkspace({ document, user, onDocumentChange, onAccessChange }: DocumentWorkspaceProps) {
  const { generation, resynced, onRefused, dismiss } = useResyncOnRefusal()
  const session = useCollabSession(document.id, generation)
  useEffect(() => {
    if (!session) return
    return session.subscribe(() => {
      if (session.closure === 'suggestion-refused') onRefused()
    })
  }, [session, onRefused])
  // Here rather than in the editor: published while the first sync is under way, so co-writers
  // see the name as soon as the connection opens, not once the text has arrived.
  usePublishedUser(session?.provider.awareness ?? null, user)
  const ready = useSessionReady(session)
  if (!session || !ready) return <DocumentSkeleton title={document.title} />
  // Keyed by the session: the editor binds to one Y.Doc for its whole life.
  return (
    <CollaborativeDocument
      key={session.doc.guid}
      session={session}
      document={document}
      user={user}
      onDocumentChange={onDocumentChange}
      onAccessChange={onAccessChange}
      resynced={resynced}
      onDismissResync={dismiss}
    />
  )
}
