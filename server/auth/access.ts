/**
 * The extension that enforces the role model (roles.ts) on the websocket, where
 * the UI cannot be trusted:
 *
 *   - joining: a browser page from another site is refused (4403): browsers send our
 *     cookie with its websocket too, so it could act as the person. Otherwise the upgrade
 *     request's session says who is connecting; someone who may not read is refused
 *     (4401 sign in first, or 4403);
 *   - editing: an update that would change the document is refused with 4403
 *     unless the person may edit *now* (roles are looked up per update, so a change
 *     of role takes effect at once). An empty sync step 2 is not a change;
 *   - presence: an awareness entry keeps only its caret and gets the account's name and
 *     colour (presence-state.ts), so nobody can appear as someone else or publish the
 *     server's own fields. People who are not signed in are not shown one by one: the
 *     server publishes how many of them are reading;
 *   - signing out ends, at once, every connection opened with that session (4510: the
 *     provider reconnects, now without an identity);
 *   - changes of access (roles, blocks, visibility) re-check every open connection
 *     of the document and close those that lost access (4403, or 4401). Those whose
 *     role changed are closed with 4510: they reconnect at once and learn their new role.
 */
import { CollabError, type ConnectionInfo, type Extension, type RoomView } from '../collab/hooks'
import type { DocumentAccess, Store } from '../storage/store'
import type { Accounts, User } from './accounts'
import { isCrossSite } from './cross-site'
import { clientPresence } from './presence-state'
import { DocumentPermissions, type Role } from './roles'
import type { Sessions } from './sessions'

export interface AccessControl extends Extension {
  /** Re-reads a document's access settings and closes connections that lost access. */
  revalidate(documentId: string): Promise<void>
  /** True if the connection's person may change the document only by suggesting, as of now. */
  mustSuggest(connection: ConnectionInfo): boolean
}

interface OpenDocument {
  access: DocumentAccess
  /** Each joined connection, with the role it joined with or was last told about. */
  connections: Map<ConnectionInfo, Role | null>
  anonymous: Set<ConnectionInfo>
  room: RoomView | null
}

export function accessControl(options: { store: Store; sessions: Sessions; accounts: Accounts }): AccessControl {
  const { store, sessions, accounts } = options
  const documents = new Map<string, OpenDocument>()
  /** The open connections of each session, ended when it ends. */
  const bySession = new Map<string, Set<ConnectionInfo>>()
  const sessionOf = new Map<ConnectionInfo, string>()

  sessions.onSessionEnded((sessionId) => {
    const connections = bySession.get(sessionId)
    if (!connections) return
    bySession.delete(sessionId)
    for (const connection of connections) {
      sessionOf.delete(connection)
      connection.user = null
      connection.close(new CollabError('accessChanged', 'you signed out'))
    }
  })

  const viewerOf = (connection: ConnectionInfo): User | null => {
    return connection.user === null ? null : (accounts.get(connection.user) ?? null)
  }

  const permissionsOf = (connection: ConnectionInfo): DocumentPermissions | null => {
    const open = documents.get(connection.documentId)
    return open ? new DocumentPermissions(viewerOf(connection), open.access) : null
  }

  const publishReaderCount = (open: OpenDocument) => {
    const anonymous = open.anonymous.size
    open.room?.setServerPresence('readers', anonymous > 0 ? { anonymous } : null)
  }

  return {
    name: 'access-control',

    async onAuthenticate({ documentId, request, connection }) {
      if (isCrossSite(request)) throw new CollabError('forbidden', 'a page on another site may not open this document')
      const viewer = await sessions.identify(request)
      const document = await store.getDocument(documentId)
      // An unknown document is refused by the registry when it loads, with 4404.
      if (!document) return
      const permissions = new DocumentPermissions(viewer, document.access)
      if (!permissions.canRead()) {
        throw viewer
          ? new CollabError('forbidden', 'you do not have access to this document')
          : new CollabError('signInRequired', 'this document is for members: sign in first')
      }
      // Everything this connection writes is attributed to this id (see server/attribution/).
      if (viewer) {
        connection.user = viewer.id
        const sessionId = sessions.sessionIdOf(request)
        if (sessionId !== null) {
          sessionOf.set(connection, sessionId)
          bySession.set(sessionId, (bySession.get(sessionId) ?? new Set()).add(connection))
        }
      }
      // Cached now, because frames that arrived while the document loaded are checked before onJoin.
      const open = documents.get(documentId) ?? { access: document.access, connections: new Map(), anonymous: new Set(), room: null }
      open.access = document.access
      documents.set(documentId, open)
    },

    // Tracked from here, not from onAuthenticate: a connection that joined always hears onDisconnect.
    onJoin({ documentId, room, connection }) {
      const open = documents.get(documentId)
      if (!open) return
      open.room = room
      open.connections.set(connection, permissionsOf(connection)?.role ?? null)
      if (viewerOf(connection)) return
      open.anonymous.add(connection)
      publishReaderCount(open)
    },

    beforeApplyUpdate({ update, connection }) {
      if (!update.changesDocument) return
      if (!permissionsOf(connection)?.canEdit()) {
        throw new CollabError('forbidden', 'read-only: you may read this document but not change it')
      }
    },

    beforeApplyAwareness({ entries, connection }) {
      const viewer = viewerOf(connection)
      if (!viewer) return []
      const user = { id: viewer.id, name: viewer.displayName, color: viewer.color }
      return entries.map((entry) => (entry.state === null ? entry : { ...entry, state: clientPresence(entry.state, user) }))
    },

    onDisconnect({ documentId, connection }) {
      const sessionId = sessionOf.get(connection)
      if (sessionId !== undefined) {
        sessionOf.delete(connection)
        const connections = bySession.get(sessionId)
        connections?.delete(connection)
        if (connections?.size === 0) bySession.delete(sessionId)
      }
      const open = documents.get(documentId)
      if (!open) return
      open.connections.delete(connection)
      if (open.anonymous.delete(connection)) publishReaderCount(open)
      // The room unloads once its last connection leaves; holding it here would keep the whole
      // document in memory for good. The access entry stays (one small object per document
      // ever opened): another connection may be between onAuthenticate and onJoin, with its
      // first frames about to be checked against it.
      if (open.connections.size === 0) open.room = null
    },

    mustSuggest(connection) {
      return permissionsOf(connection)?.mustSuggest() ?? false
    },

    async revalidate(documentId) {
      const open = documents.get(documentId)
      const document = await store.getDocument(documentId)
      if (!open || !document) return
      open.access = document.access
      for (const [connection, role] of open.connections) {
        const permissions = permissionsOf(connection)
        if (!permissions?.canRead()) {
          connection.close(
            viewerOf(connection)
              ? new CollabError('forbidden', 'your access to this document was removed')
              : new CollabError('signInRequired', 'this document is now for members: sign in first'),
          )
        } else if (permissions.role !== role) {
          open.connections.set(connection, permissions.role)
          connection.close(new CollabError('accessChanged', `your role is now ${permissions.role}`))
        }
      }
    },
  }
}
