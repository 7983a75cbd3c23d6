/**
 * Cross-site request forgery: a page on another site can make a browser post a form
 * (form-encoded, multipart or text/plain, which need no CORS preflight) to our API with the
 * person's cookie. Every state-changing request must therefore come from our own pages
 * (cross-site.ts) and, when it has a body, carry JSON, which a form cannot send.
 * A request without a body and without a Content-Type (sign out, accept) passes the type check:
 * the origin check is what guards it.
 */
import type { RequestHandler } from 'express'
import { isCrossSite } from '../auth/cross-site'
import { ApiError } from './errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const sameOriginJson: RequestHandler = (request, _response, next) => {
  if (SAFE_METHODS.has(request.method)) return next()
  if (isCrossSite(request)) {
    throw new ApiError(403, 'cross_site', 'A page on another site may not change anything here.')
  }
  const type = request.headers['content-type']
  const hasBody = type !== undefined || request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0
  if (hasBody && mediaType(type) !== 'application/json') {
    throw new ApiError(415, 'json_required', 'The request body must be JSON, sent with Content-Type: application/json.')
  }
  next()
}

/** "application/json; charset=utf-8" → "application/json". */
function mediaType(header: string | undefined): string | undefined {
  return header?.split(';')[0]?.trim().toLowerCase()
}
