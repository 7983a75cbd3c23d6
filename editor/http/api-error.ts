/**
 * Errors from the Coffeehouse HTTP API, as values the UI can show.
 *
 * The server answers every failure with `{ error: { id, message } }`; the id is stable
 * (for code), the message is written for people (for the screen).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    /** Stable identifier, e.g. `document_not_found`; `network_error` when the server was unreachable. */
    readonly id: string,
    message: string,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
  ) {
    super(message)
  }
}

// Kept here rather than imported from response-shape.ts, which itself depends on ApiError.
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Reads the server's error body, falling back to a generic message when it is not one of ours. */
function errorFromBody(body: unknown, status: number): ApiError {
  const error = isRecord(body) ? body.error : undefined
  if (isRecord(error) && typeof error.id === 'string' && typeof error.message === 'string') {
    return new ApiError(error.id, error.message, status)
  }
  return new ApiError('unexpected_response', `The server answered with an unexpected error (HTTP ${status}).`, status)
}

/** Fetches JSON from the API; resolves with the parsed body of a 2xx answer and rejects with an ApiError otherwise. */
export async function requestJson(path: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(path, {
      ...init,
      // The session is an HttpOnly cookie; it must travel with every call, and only to our own origin.
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
    })
  } catch (cause) {
    // An abort is the caller changing its mind, not a failure to report.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError('network_error', 'Could not reach the Coffeehouse server. Check your connection and try again.', 0)
  }
  // A 204 (sign out, remove a member) has no body; undefined stands for it.
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) throw errorFromBody(body, response.status)
  return body
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError'
}

/** A message for any failure, for places that only show text. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Something went wrong. Please try again.'
}
