/**
 * Sign-in sessions: an HttpOnly, SameSite=Lax cookie naming a session kept in the
 * persistent store. The websocket upgrade reads the same cookie, so the sync server
 * knows who is connecting.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import session from 'express-session'
import type { Accounts, User } from './accounts'
import type { SessionStore } from './session-store'

/** 30 days, renewed by use: people who write every week stay signed in. */
const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000

export const SESSION_COOKIE = 'coffeehouse.sid'

export interface Sessions {
  middleware: ReturnType<typeof session>
  /** The signed-in person behind a request (HTTP or websocket upgrade), or null. */
  identify(request: IncomingMessage): Promise<User | null>
  /** The id of the session a request was identified with (after identify), or null. */
  sessionIdOf(request: IncomingMessage): string | null
  /** Calls `listener` with the id of every session that ends. */
  onSessionEnded(listener: (sessionId: string) => void): void
}

export function createSessions(options: {
  store: SessionStore
  secret: string
  secureCookies: boolean
  accounts: Accounts
}): Sessions {
  const middleware = session({
    name: SESSION_COOKIE,
    secret: options.secret,
    store: options.store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: SESSION_MAX_AGE_MS },
  })
  return {
    middleware,
    sessionIdOf: (request) => (request as IncomingMessage & { sessionID?: string }).sessionID ?? null,
    onSessionEnded: (listener) => options.store.onSessionEnded(listener),
    identify: (request) =>
      new Promise((resolve, reject) => {
        const withSession = request as IncomingMessage & { session?: session.Session & Partial<session.SessionData> }
        const done = () => {
          const userId = withSession.session?.userId
          if (!userId) resolve(null)
          else options.accounts.find(userId).then((user) => resolve(user ?? null), reject)
        }
        if (withSession.session) {
          done()
          return
        }
        // The upgrade request has no response; the session middleware only needs one to set cookies, which it won't here.
        middleware(request as never, {} as ServerResponse as never, (error?: unknown) => (error ? reject(error) : done()))
      }),
  }
}
