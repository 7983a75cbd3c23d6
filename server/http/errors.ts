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

interface BodyParserError {
  type?: string
  status?: number
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
  const bodyError = error as BodyParserError
  if (bodyError.type === 'entity.parse.failed') return { status: 400, id: 'invalid_json', message: 'The request body is not valid JSON.' }
  if (bodyError.type === 'entity.too.large') return { status: 413, id: 'body_too_large', message: 'The request body is too large.' }
  if (bodyError.type === 'encoding.unsupported' || bodyError.type === 'charset.unsupported') {
    return { status: 415, id: 'unsupported_encoding', message: 'The request body must be UTF-8 JSON.' }
  }
  return { status: 500, id: 'internal_error', message: 'Something went wrong on the server.' }
}
