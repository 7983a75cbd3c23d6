/**
 * The Express application: the JSON API under /api and the built editor for
 * every other path (the editor routes in the browser).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import express, { type Express } from 'express'
import type { Store as AttemptStore } from 'express-rate-limit'
import helmet from 'helmet'
import type { Logger } from 'pino'
import type { AccessControl } from '../auth/access'
import type { Accounts } from '../auth/accounts'
import type { Attribution } from '../attribution/attribution-extension'
import type { Invites } from '../auth/invites'
import type { PasswordPolicy } from '../auth/password-strength'
import type { Sessions } from '../auth/sessions'
import type { CollabServer } from '../collab/collab-server'
import type { DocumentModel } from '../documents/content'
import type { Exporter } from '../documents/export'
import type { History } from '../history/history'
import type { Store } from '../storage/store'
import type { Review } from '../suggestions/review'
import { attributionRoutes } from './attribution'
import { authRoutes } from './auth'
import { identifyUser } from './current-user'
import { decisionRoutes } from './decisions'
import { documentRoutes } from './documents'
import { apiNotFound, errorHandler } from './errors'
import { healthRoutes } from './health'
import { memberRoutes } from './members'
import type { TrustProxy } from './proxy-trust'
import { sameOriginJson } from './same-origin'
import { suggestionRoutes } from './suggestions'
import { versionRoutes } from './versions'

/** 64 KiB: API bodies are titles and small forms; document content travels over the websocket. */
const MAX_JSON_BODY = '64kb'

export interface HttpAppOptions {
  store: Store
  collab: CollabServer
  accessControl: AccessControl
  accounts: Accounts
  sessions: Sessions
  invites: Invites
  passwordPolicy: PasswordPolicy
  model: DocumentModel
  attribution: Attribution
  exporter: Exporter
  review: Review
  history: History
  editorDir: string
  authAttemptsPer15Minutes: number
  /** Where attempts are counted when several nodes serve together (cluster/shared-limits.ts). */
  authAttemptStore?: AttemptStore | undefined
  /** Session cookies go over HTTPS only: signing in over plain HTTP is refused rather than silently cookieless. */
  secureCookies: boolean
  trustProxy: TrustProxy
  logger: Logger
}

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  // Decides request.ip (rate limits, audit log) and request.secure (whether the Secure cookie is sent).
  app.set('trust proxy', typeof options.trustProxy === 'object' ? [...options.trustProxy] : options.trustProxy)
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // 'self' covers the app's own websocket (same host and port) in current browsers.
          'connect-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          // Tiptap and the caret colours set style attributes.
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  )

  const api = express.Router()
  // Before the body is read: a forged or form-encoded request is refused without parsing it.
  api.use(sameOriginJson)
  // inflate: false, so a compressed body is refused (415) rather than inflated: a few kilobytes of
  // gzip can inflate to gigabytes, and no client of ours compresses what it sends.
  api.use(express.json({ limit: MAX_JSON_BODY, inflate: false }))
  api.use(options.sessions.middleware)
  api.use(identifyUser(options.sessions))
  api.use(healthRoutes(options.collab))
  api.use(
    authRoutes({
      accounts: options.accounts,
      passwordPolicy: options.passwordPolicy,
      attemptsPer15Minutes: options.authAttemptsPer15Minutes,
      attemptStore: options.authAttemptStore,
      secureCookies: options.secureCookies,
      logger: options.logger,
    }),
  )
  api.use(documentRoutes(options))
  api.use(memberRoutes(options))
  api.use(attributionRoutes(options))
  api.use(suggestionRoutes(options))
  api.use(decisionRoutes(options))
  api.use(versionRoutes(options))
  api.use(apiNotFound)
  app.use('/api', api)

  serveEditor(app, options.editorDir, options.logger)
  app.use(errorHandler(options.logger))
  return app
}

function serveEditor(app: Express, editorDir: string, logger: Logger): void {
  const indexFile = path.join(editorDir, 'index.html')
  if (!existsSync(indexFile)) {
    logger.warn({ editorDir }, 'the editor is not built; run `npm run build` (npm start does this for you)')
  }
  // Hashed asset names never change content, so browsers may keep them for a year.
  app.use('/assets', express.static(path.join(editorDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }))
  app.use(express.static(editorDir, { index: false }))
  app.get(/.*/, (_request, response) => {
    response.setHeader('Cache-Control', 'no-cache')
    response.sendFile(indexFile, (error) => {
      if (error) response.status(503).type('text/plain').send('The editor is not built yet. Run `npm run build`.')
    })
  })
}
