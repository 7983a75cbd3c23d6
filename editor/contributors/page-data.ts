/**
 * What a contributors page can be showing while it loads its data, told apart the way a
 * document page tells them apart: the document does not exist, sign in first, not for you,
 * this person does not exist, or could not load (which can be retried).
 */
import { ApiError, describeError } from '../http/api-error'

export type PageData<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'not-found' }
  | { readonly status: 'person-not-found' }
  | { readonly status: 'sign-in-required' }
  | { readonly status: 'forbidden' }
  | { readonly status: 'error'; readonly message: string }

/** Every state but `ready`: what the page shows instead of its content. */
export type PageDataProblem = Exclude<PageData<unknown>, { status: 'ready' }>

export function problemFor(error: unknown): PageDataProblem {
  if (error instanceof ApiError) {
    // Both the document and the person answer 404; only the id tells them apart.
    if (error.status === 404) return { status: error.id === 'user_not_found' ? 'person-not-found' : 'not-found' }
    if (error.status === 401) return { status: 'sign-in-required' }
    if (error.status === 403) return { status: 'forbidden' }
  }
  return { status: 'error', message: describeError(error) }
}

/**
 * Waits for all of `requests`, but reports the document's own failure (the first request) ahead
 * of the others: when the document is closed to the caller, "sign in" is the answer, whatever the
 * other requests said (the person lookup, for one, answers before the server checks access).
 */
export async function settleAll<T extends readonly unknown[]>(requests: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(requests)
  const failure = results.find((result) => result.status === 'rejected')
  if (failure) throw failure.reason
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T
}
