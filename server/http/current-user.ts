/** Who is asking: the signed-in account behind the session cookie, or null. */
import type { Request, RequestHandler, Response } from 'express'
import type { User } from '../auth/accounts'
import type { Sessions } from '../auth/sessions'
import { ApiError } from './errors'

export function identifyUser(sessions: Sessions): RequestHandler {
  return async (request, response, next) => {
    response.locals.user = await sessions.identify(request)
    next()
  }
}

export function currentUser(response: Response): User | null {
  return (response.locals.user as User | null | undefined) ?? null
}

export function requireUser(response: Response): User {
  const user = currentUser(response)
  if (!user) throw new ApiError(401, 'sign_in_required', 'Sign in first.')
  return user
}

/** Replaces the session id after signing in or out, so a planted session id is worthless. */
export function regenerateSession(request: Request): Promise<void> {
  return new Promise((resolve, reject) => request.session.regenerate((error: unknown) => (error ? reject(error) : resolve())))
}

export function saveSession(request: Request): Promise<void> {
  return new Promise((resolve, reject) => request.session.save((error: unknown) => (error ? reject(error) : resolve())))
}
