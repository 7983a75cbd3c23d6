/** An open document: header with status, downloads and presence, toolbar, the text, and the identity dialog. */
import { useCallback, useEffect, useState } from 'react'
import type { DocumentSummary } from '../http/documents'
import { AppHeader } from '../app/AppHeader'
import { DownloadMenu } from '../download/DownloadMenu'
import type { Identity } from '../identity/identity'
import { IdentityDialog } from '../identity/IdentityDialog'
import { PresenceBar } from '../presence/PresenceBar'
import { Toolbar } from '../toolbar/Toolbar'
import type { CollabSession } from './collab-session'
import { ConnectionNotice } from './ConnectionNotice'
import { DocumentSheet } from './DocumentSheet'
import { SaveStatus } from './SaveStatus'
import { useConnectionView } from './use-collab-session'
import { useDocumentEditor } from './use-document-editor'
import { useLeaveWarning } from './use-leave-warning'
import './document-layout.css'

interface CollaborativeDocumentProps {
  readonly session: CollabSession
  readonly document: DocumentSummary
  readonly identity: Identity
  readonly onSaveIdentity: (identity: Identity) => void
}

export function CollaborativeDocument({ session, document, identity, onSaveIdentity }: CollaborativeDocumentProps) {
  const connection = useConnectionView(session)
  const [linkFormOpen, setLinkFormOpen] = useState(false)
  const [editingIdentity, setEditingIdentity] = useState(false)
  const openLinkForm = useCallback(() => setLinkFormOpen(true), [])
  const closeLinkForm = useCallback(() => setLinkFormOpen(false), [])
  const editor = useDocumentEditor(session, identity, openLinkForm)
  useLeaveWarning(session)

  // After a final close nothing typed could reach the server, so stop accepting edits.
  const editable = connection.closure === null
  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  return (
    <div className="document-layout">
      <AppHeader title={document.title} status={<SaveStatus view={connection} />}>
        <DownloadMenu documentId={document.id} />
        <PresenceBar awareness={session.provider.awareness} onEditIdentity={() => setEditingIdentity(true)} />
      </AppHeader>
      <Toolbar editor={editor} onOpenLinkForm={openLinkForm} />
      {connection.closure && <ConnectionNotice closure={connection.closure} />}
      <DocumentSheet
        editor={editor}
        linkFormOpen={linkFormOpen}
        onOpenLinkForm={openLinkForm}
        onCloseLinkForm={closeLinkForm}
      />
      {editingIdentity && (
        <IdentityDialog
          mode="edit"
          initial={identity}
          onSave={(next) => {
            onSaveIdentity(next)
            setEditingIdentity(false)
          }}
          onCancel={() => setEditingIdentity(false)}
        />
      )}
    </div>
  )
}
