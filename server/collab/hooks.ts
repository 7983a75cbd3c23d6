/**
 * The seams of the sync server. Capabilities (persistence, accounts, attribution,
 * suggestions, history) are extensions: objects with some of these hooks. The
 * connection handler knows nothing about them.
 *
 * Each hook takes one payload object. Hooks run in the order the extensions are
 * listed (see server/app.ts); a hook that throws a CollabError stops the action and
 * closes the connection with the error's close code.
 */
import type { IncomingMessage } from 'node:http'
import type * as Y from 'yjs'
import type { AttributionIndex } from '../attribution/attribution-index'
import type { AwarenessEntry } from './frames'
import { CloseCode, type CloseCodeName } from '../../model/protocol'
import type { CheckedUpdate } from './update-check'

/** What an extension may know about, and do with, a connection. */
export interface ConnectionInfo {
  /** Unique per connection, for logs and bookkeeping. */
  readonly id: string
  readonly documentId: string
  readonly remoteAddress: string | undefined
  /**
   * The signed-in person's user id, set by the extension that authenticates (null: nobody).
   * Their changes are attributed to this id.
   */
  user: string | null
  /** Ends the connection with the error's close code and message. */
  close(error: CollabError): void
}

/** What an extension may do with a loaded document's room. */
export interface RoomView {
  readonly documentId: string
  /**
   * Sets one field of the server's own presence entry, seen by every client (null removes the
   * field; with no fields left, the entry goes). Each capability owns its field.
   */
  setServerPresence(field: string, value: unknown): void
}

export interface Hooks {
  /** A client asks to join a document. Throw to refuse it. */
  onAuthenticate(payload: { documentId: string; request: IncomingMessage; connection: ConnectionInfo }): Promise<void> | void
  /**
   * A document is being loaded into memory. Apply stored state to `doc` and restore `attribution`
   * (see persistence.ts); throw if it does not exist.
   */
  onLoadDocument(payload: { documentId: string; doc: Y.Doc; attribution: AttributionIndex }): Promise<void> | void
  /** A client joined a loaded document. */
  onJoin(payload: { documentId: string; room: RoomView; connection: ConnectionInfo }): Promise<void> | void
  /** A client's update has been decoded and checked, and is about to be applied. Throw to reject it. */
  beforeApplyUpdate(payload: {
    documentId: string
    doc: Y.Doc
    attribution: AttributionIndex
    update: CheckedUpdate
    connection: ConnectionInfo
  }): void
  /**
   * A client's presence entries are about to be applied. Return the entries to apply:
   * the same, changed (say, the identity corrected), or none. Throw to reject them.
   */
  beforeApplyAwareness(payload: { documentId: string; entries: AwarenessEntry[]; connection: ConnectionInfo }): AwarenessEntry[]
  /**
   * The document changed. The sender's save acknowledgement waits for the returned
   * promise, so a hook that stores the update resolves once it is durable. `author` (a user id,
   * or null for the server) and `time` are what the attribution index recorded for the change.
   */
  onChange(payload: {
    documentId: string
    doc: Y.Doc
    update: Uint8Array
    author: string | null
    time: number
    connection: ConnectionInfo | null
  }): Promise<void> | void
  /** The document is about to leave memory (its last client left, or the server stops). */
  onStoreDocument(payload: { documentId: string; doc: Y.Doc }): Promise<void> | void
  /** A client left. `room` is null if it left before its document was loaded. */
  onDisconnect(payload: { documentId: string; room: RoomView | null; connection: ConnectionInfo }): Promise<void> | void
}

export type HookName = keyof Hooks
export type HookPayload<Name extends HookName> = Parameters<Hooks[Name]>[0]

export interface Extension extends Partial<Hooks> {
  /** For logs. */
  readonly name: string
}

/** An error that ends a connection with a protocol close code. */
export class CollabError extends Error {
  override name = 'CollabError'
  constructor(
    readonly closeCode: CloseCodeName,
    message: string,
  ) {
    super(message)
  }

  get code(): number {
    return CloseCode[this.closeCode]
  }
}

type SyncHookName = 'beforeApplyUpdate' | 'beforeApplyAwareness'

/** Runs an async hook on every extension, one after another. */
export async function runHook<Name extends Exclude<HookName, SyncHookName>>(
  extensions: readonly Extension[],
  name: Name,
  payload: HookPayload<Name>,
): Promise<void> {
  for (const extension of extensions) {
    const hook = extension[name] as ((payload: HookPayload<Name>) => Promise<void> | void) | undefined
    if (hook) await hook.call(extension, payload)
  }
}

/** Asks every extension about an update; the first to throw refuses it. */
export function runBeforeApplyUpdate(extensions: readonly Extension[], payload: HookPayload<'beforeApplyUpdate'>): void {
  for (const extension of extensions) extension.beforeApplyUpdate?.(payload)
}

/** Passes presence entries through every extension in turn. */
export function runBeforeApplyAwareness(extensions: readonly Extension[], payload: HookPayload<'beforeApplyAwareness'>): AwarenessEntry[] {
  let entries = payload.entries
  for (const extension of extensions) {
    if (extension.beforeApplyAwareness) entries = extension.beforeApplyAwareness({ ...payload, entries })
  }
  return entries
}

/**
 * Starts onChange on every extension at once and returns one promise for all of
 * them: storing must not wait for, say, a metrics hook.
 */
export function runChangeHooks(extensions: readonly Extension[], payload: HookPayload<'onChange'>): Promise<void> {
  const pending: Promise<void>[] = []
  for (const extension of extensions) {
    if (!extension.onChange) continue
    try {
      const result = extension.onChange(payload)
      if (result) pending.push(result)
    } catch (error) {
      pending.push(Promise.reject(error))
    }
  }
  return pending.length === 0 ? Promise.resolve() : Promise.all(pending).then(() => undefined)
}
