import { type RequestHandler, Router } from 'express'
import { rateLimit, type Store } from 'express-rate-limit'
import type { Logger } from 'pino'
import { z } from 'zod'
import { publicUser, UsernameTakenError, type Accounts, type User } from '../auth/accounts'
import type { PasswordPolicy } from '../auth/password-strength'
import { ApiError, parseRequest } from './errors'
import { currentUser, regenerateSession, requireUser, saveSession } from './current-user'

const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'a username has 3 to 32 letters, digits, dots, dashes or underscores')
const password = z.string().min(8, 'a password has at least 8 characters').max(200, 'a password has at most 200 characters')
const displayName = z.string().trim().min(1, 'a display name is required').max(60, 'a display name has at most 60 characters')
const color = z.string().regex(/^#[0-9a-f]{6}$/i, 'a colour is written #rrggbb').transform((value) => value.toLowerCase())

const signupBody = z.object({ username, password, displayName })
const loginBody = z.object({ username: z.string().trim().toLowerCase().max(100), password: z.string().max(200) })
const profileBody = z.object({ displayName: displayName.optional(), color: color.optional() })

const me = (user: User) => ({ ...publicUser(user), isAdmin: user.isAdmin })

interface AuthRouteOptions {
  accounts: Accounts
  passwordPolicy: PasswordPolicy
  attemptsPer15Minutes: number
  /** Shared by every node when several serve together; this node's memory otherwise. */
  attemptStore?: Store | undefined
  secureCookies: boolean
  logger: Logger
}

export function authRoutes(options: AuthRouteOptions): Router {
  const { accounts } = options
  // An audit trail of who signed up and in, and of failed attempts: usernames and addresses, never passwords.
  const audit = options.logger.child({ audit: 'auth' })
  const router = Router()
  const attempts = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: options.attemptsPer15Minutes,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(options.attemptStore ? { store: options.attemptStore, passOnStoreError: true } : {}),
    handler: (_request, response) =>
      response.status(429).json({ error: { id: 'rate_limited', message: 'Too many attempts from this address. Try again in a few minutes.' } }),
  })

  // Without this the answer would say "signed in" while express-session quietly withholds the cookie.
  const overHttps: RequestHandler = (request, _response, next) => {
    if (options.secureCookies && !request.secure) {
      throw new ApiError(
        400,
        'https_required',
        'This server signs people in over HTTPS only, and this request arrived over plain HTTP. Open the site with https://. (Running it behind a TLS proxy? Set TRUST_PROXY to that proxy.)',
      )
    }
    next()
  }

  router.post('/auth/signup', attempts, overHttps, async (request, response) => {
    const details = parseRequest(signupBody, request.body)
    const weakness = await options.passwordPolicy.weakness(details.password, [details.username, ...details.displayName.split(/\s+/)])
    if (weakness) throw new ApiError(400, 'weak_password', weakness)
    let user: User
    try {
      user = await accounts.create(details, new Date())
    } catch (error) {
      if (error instanceof UsernameTakenError) throw new ApiError(409, 'username_taken', error.message)
      throw error
    }
    await regenerateSession(request)
    request.session.userId = user.id
    await saveSession(request)
    audit.info({ username: user.username, admin: user.isAdmin, address: request.ip }, 'account created')
    response.status(201).json({ user: me(user) })
  })

  router.post('/auth/login', attempts, overHttps, async (request, response) => {
    const credentials = parseRequest(loginBody, request.body)
    const user = await accounts.authenticate(credentials.username, credentials.password)
    if (!user) {
      audit.warn({ username: credentials.username, address: request.ip }, 'sign-in failed')
      throw new ApiError(401, 'invalid_credentials', 'That username and password do not match.')
    }
    await regenerateSession(request)
    request.session.userId = user.id
    await saveSession(request)
    audit.info({ username: user.username, address: request.ip }, 'signed in')
    response.json({ user: me(user) })
  })

  router.post('/auth/logout', async (request, response) => {
    await new Promise<void>((resolve, reject) => request.session.destroy((error: unknown) => (error ? reject(error) : resolve())))
    response.status(204).end()
  })

  router.get('/me', (_request, response) => {
    const user = currentUser(response)
    response.json({ user: user && me(user) })
  })

  router.patch('/me', async (request, response) => {
    const user = requireUser(response)
    const profile = parseRequest(profileBody, request.body)
    const updated = await accounts.updateProfile(user.id, profile)
    if (!updated) throw new ApiError(404, 'user_not_found', 'Your account no longer exists.')
    response.json({ user: me(updated) })
  })

  router.get('/users/:username', (request, response) => {
    requireUser(response)
    const user = accounts.findByUsername(request.params.username)
    if (!user) throw new ApiError(404, 'user_not_found', `Nobody has the username "${request.params.username.slice(0, 40)}".`)
    response.json({ user: publicUser(user) })
  })

  return router
}
