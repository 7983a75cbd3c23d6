/**
 * API errors are values with stable ids: `{ "error": { "id", "message" } }`
 * with the matching HTTP status. Clients branch on the id, people read the message.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'
import { z } from 'zod'

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message)
  }
}

/** Validates request input at the edge; a mismatch is a 400 that names the field. */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  )
  throw new ApiError(400, 'invalid_request', problems.join('; '))
}

export const apiNotFound: RequestHandler = (request) => {
  throw new ApiError(404, 'not_found', `There is no API endpoint ${request.method} ${request.path}.`)
}

/** What body-parser, serve-static and the router attach to the errors they raise (http-errors). */
interface HttpError {
  type?: string
  status?: number
}

/** Ids for the client errors Express's own layers raise: a path that does not decode, a missing asset. */
const CLIENT_ERRORS: Record<number, { id: string; message: string }> = {
  400: { id: 'bad_request', message: 'The request is malformed.' },
  403: { id: 'forbidden', message: 'That path is not served.' },
  404: { id: 'not_found', message: 'There is nothing at that path.' },
  405: { id: 'method_not_allowed', message: 'That method is not allowed here.' },
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    const { status, id, message } = describe(error)
    if (status >= 500) logger.error({ err: error }, 'request failed')
    response.status(status).json({ error: { id, message } })
  }
}

function describe(error: unknown): { status: number; id: string; message: string } {
  if (error instanceof ApiError) return error
  const bodyError = error as HttpError
  if (bodyError.type === 'entity.parse.failed') return { status: 400, id: 'invalid_json', message: 'The request body is not valid JSON.' }
  if (bodyError.type === 'entity.too.large') return { status: 413, id: 'body_too_large', message: 'The request body is too large.' }
  if (bodyError.type === 'encoding.unsupported' || bodyError.type === 'charset.unsupported') {
    return { status: 415, id: 'unsupported_encoding', message: 'The request body must be UTF-8 JSON, sent without Content-Encoding.' }
  }
  // The status of a client error is kept, its message is not: a missing file's names the path on disk.
  const { status } = bodyError
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, ...(CLIENT_ERRORS[status] ?? { id: 'bad_request', message: 'The request could not be served.' }) }
  }
  return { status: 500, id: 'internal_error', message: 'Something went wrong on the server.' }
}
