/**
 * Wires the parts of a Coffeehouse server together. This list of extensions is
 * the architecture in one place: which capabilities the sync server has, in the
 * order their hooks run.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { attribution as createAttribution, type Attribution } from './attribution/attribution-extension'
import { accessControl as createAccessControl, type AccessControl } from './auth/access'
import { Invites } from './auth/invites'
import { createPasswordPolicy } from './auth/password-strength'
import { createSessions } from './auth/sessions'
import { CollabServer } from './collab/collab-server'
import type { AnyExtension, DocumentView } from './collab/hooks'
import { openBackend } from './backend'
import { RedisClientIdClaims } from './cluster/redis-client-ids'
import { attemptStore, connectionLimiter } from './cluster/shared-limits'
import type { Config } from './config'
import { createDocumentModel, type DocumentModel } from './documents/content'
import { createExporter } from './documents/export'
import { documentRegistry } from './documents/registry'
import { schemaGuard } from './documents/schema-guard'
import { createStarterDocuments } from './documents/seed'
import { History } from './history/history'
import { createHttpApp } from './http/app'
import { clientAddressOf } from './http/proxy-trust'
import type { Store } from './storage/store'
import { persistence } from './storage/persistence'
import { Review } from './suggestions/review'
import { suggestionRules } from './suggestions/suggestion-rules'

export interface Coffeehouse {
  readonly httpServer: Server
  readonly collab: CollabServer
  /** Starts listening; resolves with the bound address (useful with PORT=0). */
  listen(): Promise<AddressInfo>
  /** Stops accepting, closes every connection, stores every open document, releases DATA_DIR. */
  close(): Promise<void>
}

export interface SyncParts {
  store: Store
  model: DocumentModel
  accessControl: AccessControl
  attribution: Attribution
  history: History
  compactLogBytes: number
  logger: Logger
  onCompactionError: (documentId: string, error: unknown) => void
}

/**
 * The sync server's extensions, in the order their hooks run: who may connect and write, who
 * wrote what, the suggesting rules, the registry, storage, the schema guard, history. The
 * update-cost benchmark runs the same list (bench/support/coffeehouse-room.ts).
 */
export function syncExtensions({ store, model, accessControl, attribution, history, compactLogBytes, logger, onCompactionError }: SyncParts): AnyExtension[] {
  return [
    accessControl,
    attribution,
    suggestionRules({ mustSuggest: (connection, document) => accessControl.mustSuggest(connection, document) }),
    documentRegistry(store),
    persistence({ store, alongside: attribution.snapshotPart, compactLogBytes, onCompactionError }),
    // After persistence: each reads the document persistence loaded.
    schemaGuard({ shape: model.shape, logger }),
    history.extension,
  ]
}

export async function createCoffeehouse(config: Config, logger: Logger): Promise<Coffeehouse> {
  const backend = await openBackend(config, logger)
  const { store, accounts, sessionStore, secrets } = backend
  try {
    const model = createDocumentModel({
      onUnrenderable: (reasons) => logger.warn({ reasons: [...new Set(reasons)].slice(0, 10) }, 'skipped content the schema does not allow while reading a document'),
    })
    await createStarterDocuments(store, model)
    const sessions = createSessions({ store: sessionStore, secret: secrets.sessionSecret, secureCookies: config.secureCookies, accounts })
    const invites = new Invites(secrets.inviteKey)
    // Capabilities that need a loaded document find it through the sync server, created below.
    const loadedDocument = (documentId: string): DocumentView | undefined => collab.loadedDocument(documentId)
    const accessControl = createAccessControl({ store, sessions, accounts, loadedDocument })
    // Another server changed who may do what: the people here are checked again.
    store.onDocumentChangedElsewhere?.((documentId) => {
      accessControl.revalidate(documentId).catch((error: unknown) => logger.error({ err: error, document: documentId }, 'checking access again failed'))
    })
    const attribution = createAttribution({
      claims: backend.cluster && new RedisClientIdClaims(backend.cluster.bus, backend.cluster.id),
      onClaimError: (error) => logger.warn({ err: error }, 'a client id could not be claimed with the other servers; it is bound on this one alone'),
    })
    const history = new History({
      store,
      model,
      attribution,
      loadedDocument,
      now: Date.now,
      idleMs: config.versions.idleMs,
      maxMs: config.versions.maxMs,
      visitGapMs: config.versions.visitGapMs,
      onError: (document, error) => logger.error({ err: error, document }, 'recording a version failed'),
    })

    const extensions = syncExtensions({
      store,
      model,
      accessControl,
      attribution,
      history,
      compactLogBytes: config.compactLogBytes,
      logger,
      onCompactionError: (document, error) => logger.error({ err: error, document }, 'compaction failed'),
    })
    const collab = new CollabServer({
      extensions,
      shape: model.shape,
      maxMessageBytes: config.maxMessageBytes,
      limits: config.limits,
      clientAddress: clientAddressOf(config.trustProxy),
      logger,
      presenceLink: backend.cluster?.presence ?? null,
      connectionLimiter: connectionLimiter(backend.cluster, config.limits.connectionsPerMinute),
    })
    const app = createHttpApp({
      store,
      collab,
      accessControl,
      accounts,
      sessions,
      invites,
      passwordPolicy: createPasswordPolicy(),
      model,
      attribution,
      exporter: createExporter(model),
      review: new Review({ store, collab, model, history, now: Date.now }),
      history,
      editorDir: config.editorDir,
      authAttemptsPer15Minutes: config.limits.authAttemptsPer15Minutes,
      authAttemptStore: attemptStore(backend.cluster),
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      logger,
    })
    const httpServer = createServer(app)
    httpServer.on('upgrade', (request, socket, head) => {
      if (!collab.handleUpgrade(request, socket, head)) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      }
    })
    return {
      httpServer,
      collab,
      listen: () =>
        new Promise((resolve, reject) => {
          httpServer.once('error', reject)
          httpServer.listen(config.port, config.host, () => {
            httpServer.off('error', reject)
            resolve(httpServer.address() as AddressInfo)
          })
        }),
      close: async () => {
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()))
        httpServer.closeIdleConnections()
        await collab.close()
        await stopped
        await backend.close()
      },
    }
  } catch (error) {
    await backend.close()
    throw error
  }
}
