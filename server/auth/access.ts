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
import { CollabError, type ConnectionInfo, type DocumentView, type Extension } from '../collab/hooks'
import type { DocumentAccess, Store } from '../storage/store'
import type { Accounts, User } from './accounts'
import { isCrossSite } from './cross-site'
import { clientPresence } from './presence-state'
import { DocumentPermissions, type Role } from './roles'
import type { Sessions } from './sessions'

/** What access control keeps about a loaded document. */
interface OpenDocument {
  readonly document: DocumentView
  /** The document's access settings, read as it loads and again on every change of access. */
  access: DocumentAccess | null
  /** Each joined connection, with the role it joined with or was last told about. */
  readonly connections: Map<ConnectionInfo, Role | null>
  readonly anonymous: Set<ConnectionInfo>
}

export interface AccessControl extends Extension<OpenDocument> {
  /** Re-reads a document's access settings and closes connections that lost access. */
  revalidate(documentId: string): Promise<void>
  /** True if the connection's person may change the document only by suggesting, as of now. */
  mustSuggest(connection: ConnectionInfo, document: DocumentView): boolean
}

export interface AccessControlOptions {
  store: Store
  sessions: Sessions
  accounts: Accounts
  /** The document, if it is loaded: only a loaded document has connections to re-check. */
  loadedDocument: (documentId: string) => DocumentView | undefined
}

export function accessControl(options: AccessControlOptions): AccessControl {
  const { store, sessions, accounts } = options
  /** The open connections of each session, ended when it ends. */
  const bySession = new Map<string, Set<ConnectionInfo>>()
  const sessionOf = new WeakMap<ConnectionInfo, string>()

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

  const permissionsOf = (connection: ConnectionInfo, open: OpenDocument): DocumentPermissions | null => {
    return open.access ? new DocumentPermissions(viewerOf(connection), open.access) : null
  }

  const publishReaderCount = (open: OpenDocument) => {
    const anonymous = open.anonymous.size
    // Counted per node: each knows only who reads through it.
    open.document.setServerPresence('readers', anonymous > 0 ? { anonymous } : null, { thisNodeOnly: true })
  }

  const readAccess = async (open: OpenDocument) => {
    open.access = (await store.getDocument(open.document.documentId))?.access ?? null
  }

  const extension: AccessControl = {
    name: 'access-control',

    createState: (document) => ({ document, access: null, connections: new Map(), anonymous: new Set() }),

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
      // Everything this connection writes is credited to this id (see server/attribution/).
      if (viewer) {
        connection.user = viewer.id
        const sessionId = sessions.sessionIdOf(request)
        if (sessionId !== null) {
          sessionOf.set(connection, sessionId)
          bySession.set(sessionId, (bySession.get(sessionId) ?? new Set()).add(connection))
        }
      }
    },

    // Before any client sees the document: its first frames are checked against these settings.
    async onLoadDocument({ state }) {
      await readAccess(state)
    },

    // Read again for each newcomer: another server may have changed it a moment ago, and the
    // word of it (onDocumentChangedElsewhere, which revalidates) may still be on its way.
    async beforeJoin({ state }) {
      await readAccess(state)
    },

    // Tracked from here, not from onAuthenticate: a connection that joined always hears onDisconnect.
    onJoin({ connection, state }) {
      state.connections.set(connection, permissionsOf(connection, state)?.role ?? null)
      if (viewerOf(connection)) return
      state.anonymous.add(connection)
      publishReaderCount(state)
    },

    beforeApplyUpdate({ update, connection, state }) {
      if (!update.changesDocument) return
      if (!permissionsOf(connection, state)?.canEdit()) {
        throw new CollabError('forbidden', 'read-only: you may read this document but not change it')
      }
    },

    beforeApplyAwareness({ entries, connection }) {
      const viewer = viewerOf(connection)
      if (!viewer) return []
      const user = { id: viewer.id, name: viewer.displayName, color: viewer.color }
      return entries.map((entry) => (entry.state === null ? entry : { ...entry, state: clientPresence(entry.state, user) }))
    },

    onDisconnect({ connection, state }) {
      const sessionId = sessionOf.get(connection)
      if (sessionId !== undefined) {
        sessionOf.delete(connection)
        const connections = bySession.get(sessionId)
        connections?.delete(connection)
        if (connections?.size === 0) bySession.delete(sessionId)
      }
      if (!state) return
      state.connections.delete(connection)
      if (state.anonymous.delete(connection)) publishReaderCount(state)
    },

    mustSuggest(connection, document) {
      return permissionsOf(connection, document.stateOf(extension))?.mustSuggest() ?? false
    },

    async revalidate(documentId) {
      const document = options.loadedDocument(documentId)
      if (!document) return
      const open = document.stateOf(extension)
      await readAccess(open)
      for (const [connection, role] of open.connections) {
        const permissions = permissionsOf(connection, open)
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
  return extension
}
