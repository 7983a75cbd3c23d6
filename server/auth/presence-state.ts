/**
 * What a signed-in person's presence may say. Clients publish their caret and their name; the
 * server publishes its own fields (how many anonymous people read, the review and history
 * revisions) under its own client id. A client's entry keeps only the caret, checked to be the
 * shape the editor's caret plugin reads, and gets its `user` from the session: nobody can
 * publish the server's fields, appear as someone else, or send a caret that breaks the
 * editors that draw it.
 */
import { z } from 'zod'

/** A Yjs relative position as JSON (Y.relativePositionToJSON): where a caret is, in terms of items. */
const itemId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() }).strict()
/** Yjs writes absent parts as null (a RelativePosition serialised as it is), or leaves them out (relativePositionToJSON). */
const relativePosition = z
  .object({ type: itemId.nullish(), tname: z.string().max(64).nullish(), item: itemId.nullish(), assoc: z.number().int().nullish() })
  .strict()

const cursor = z.object({ anchor: relativePosition, head: relativePosition }).strict().nullable()

export interface PresenceUser {
  id: string
  name: string
  color: string
}

/** The state to publish for a client's entry. An unreadable caret is dropped, not the person. */
export function clientPresence(state: Record<string, unknown>, user: PresenceUser): Record<string, unknown> {
  const caret = cursor.safeParse(state.cursor)
  return caret.success && state.cursor !== undefined ? { user, cursor: caret.data } : { user }
}
