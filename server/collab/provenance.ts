/**
 * Who made a change, and when. The room stamps every transaction it applies with an author
 * and a time from the server's clock (a client's update: the person signed in on that
 * connection), and the extensions that store changes and credit them both take them from
 * there, so they can never disagree. Changes the server makes on someone's behalf (accepting
 * a suggestion, restoring a version) carry their provenance as the transaction's origin.
 */

/** A transaction origin that names the change's author and time. Stored changes are such origins. */
export interface Provenance {
  /** A user id, or null for the server's own text. */
  readonly author: string | null
  /** Milliseconds since 1970. */
  readonly time: number
}

/**
 * The origin of a transaction that re-applies a stored snapshot. What it holds was credited
 * when it was first written, and that record is restored with the snapshot: crediting it
 * again would credit everything in it to nobody.
 */
export const RESTORED_FROM_SNAPSHOT = Symbol('restored from a snapshot')

export function isProvenance(origin: unknown): origin is Provenance {
  if (typeof origin !== 'object' || origin === null) return false
  const { author, time } = origin as Partial<Provenance>
  return (author === null || typeof author === 'string') && typeof time === 'number'
}
