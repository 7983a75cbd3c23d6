/**
 * How a transaction says who made it. The room stamps every transaction it applies
 * with an author and a time from the server's clock, and the attribution index and
 * the update log both take them from here, so they can never disagree.
 */

/** A transaction origin that names the change's author and time. Stored changes are such origins. */
export interface Authored {
  /** A user id, or null for the server's own text. */
  readonly author: string | null
  /** Milliseconds since 1970. */
  readonly time: number
}

/**
 * The origin of a transaction that re-applies a snapshot whose attribution was restored
 * with it: recording it again would credit everything in it to nobody.
 */
export const RESTORED_FROM_SNAPSHOT = Symbol('restored from a snapshot')

export function isAuthored(origin: unknown): origin is Authored {
  if (typeof origin !== 'object' || origin === null) return false
  const { author, time } = origin as Partial<Authored>
  return (author === null || typeof author === 'string') && typeof time === 'number'
}
