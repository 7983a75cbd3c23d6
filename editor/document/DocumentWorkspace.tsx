/** Opens the collaboration session for a document and shows the editor once the text has arrived. */
import type { DocumentSummary } from '../http/documents'
import type { Identity } from '../identity/identity'
import { CollaborativeDocument } from './CollaborativeDocument'
import { DocumentSkeleton } from './DocumentSkeleton'
import { useCollabSession, useSessionReady } from './use-collab-session'

interface DocumentWorkspaceProps {
  readonly document: DocumentSummary
  readonly identity: Identity
  readonly onSaveIdentity: (identity: Identity) => void
}

export function DocumentWorkspace({ document, identity, onSaveIdentity }: DocumentWorkspaceProps) {
  const session = useCollabSession(document.id)
  const ready = useSessionReady(session)
  if (!session || !ready) return <DocumentSkeleton title={document.title} />
  // Keyed by the session: the editor binds to one Y.Doc for its whole life.
  return (
    <CollaborativeDocument
      key={session.doc.guid}
      session={session}
      document={document}
      identity={identity}
      onSaveIdentity={onSaveIdentity}
    />
  )
}
