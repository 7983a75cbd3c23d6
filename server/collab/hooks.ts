/**
 * The seams of the sync server. Capabilities (persistence, accounts, attribution,
 * suggestions, history) are extensions: objects with some of these hooks. The
 * connection handler knows nothing about them.
 *
 * Each hook takes one payload object. Hooks run in the order the extensions are
 * listed (see server/app.ts); a hook that throws a CollabError stops the action and
 * closes the connection with the error's close code.
 *
 * What a capability keeps about one loaded document is its document state: it declares
 * `createState`, the core creates the state when the document loads and drops it (after
 * `disposeState`) when the document unloads, and every hook about that document receives
 * it. No capability keeps a table of documents of its own, so unloading a document frees
 * everything of it.
 */
import type { IncomingMessage } from 'node:http'
import type * as Y from 'yjs'
import { CloseCode, type CloseCodeName } from '../../model/protocol'
import type { AwarenessEntry } from './frames'
import type { Provenance } from './provenance'
import type { CheckedUpdate } from './update-check'

/** What an extension may know about, and do with, a connection. */
export interface ConnectionInfo {
  /** Unique per connection, for logs and bookkeeping. */
  readonly id: string
  readonly documentId: string
  readonly remoteAddress: string | undefined
  /**
   * The signed-in person's user id, set by the extension that authenticates (null: nobody).
   * Their changes are credited to this id.
   */
  user: string | null
  /** Ends the connection with the error's close code and message. */
  close(error: CollabError): void
}

/**
 * A loaded document, as extensions and the rest of the server see it. Read `doc`; change it
 * only in a transaction whose origin names the change's author and time (server/collab/provenance.ts),
 * so that every change is stored and credited.
 */
export interface DocumentView {
  readonly documentId: string
  readonly doc: Y.Doc
  /**
   * Sets one field of the server's own presence entry, seen by every client (null removes the
   * field; with no fields left, the entry goes). Each capability owns its field. With several
   * nodes, the field is set on every node that serves the document, unless it describes this
   * node alone (`thisNodeOnly`: how many people read through it, say).
   */
  setServerPresence(field: string, value: unknown, options?: { thisNodeOnly?: boolean }): void
  /** What `extension` keeps about this document (its `createState`). */
  stateOf<State>(extension: Extension<State>): State
  /** Resolves once every change so far has been stored (onStoreChange). */
  settle(): Promise<void>
}

export interface Hooks<State = undefined> {
  /** A client asks to join a document, before the document is loaded. Throw to refuse it. */
  onAuthenticate(payload: { documentId: string; request: IncomingMessage; connection: ConnectionInfo }): Promise<void> | void
  /**
   * A document is being loaded into memory: apply stored state to `document.doc` (see
   * persistence.ts); throw if it does not exist. No client sees it before every extension has loaded.
   */
  onLoadDocument(payload: { documentId: string; document: DocumentView; state: State }): Promise<void> | void
  /**
   * After every transaction on the document, including those that load it, with who made it
   * and when. Synchronous: the transaction is still the document's newest.
   */
  afterTransaction(payload: { document: DocumentView; transaction: Y.Transaction; provenance: Provenance; state: State }): void
  /**
   * A client is about to join a loaded document; what it sends waits until every extension is
   * done. For bringing the document up to date first: with several nodes, a client arriving from
   * another node may hold changes that this node has not heard of yet (persistence.ts).
   */
  beforeJoin(payload: { documentId: string; document: DocumentView; connection: ConnectionInfo; state: State }): Promise<void> | void
  /** A client joined a loaded document. */
  onJoin(payload: { documentId: string; document: DocumentView; connection: ConnectionInfo; state: State }): Promise<void> | void
  /** A client's update has been decoded and checked, and is about to be applied. Throw to reject it. */
  beforeApplyUpdate(payload: { documentId: string; document: DocumentView; update: CheckedUpdate; connection: ConnectionInfo; state: State }): void
  /**
   * A client's presence entries are about to be applied. Return the entries to apply:
   * the same, changed (say, the identity corrected), or none. Throw to reject them.
   */
  beforeApplyAwareness(payload: {
    documentId: string
    document: DocumentView
    entries: AwarenessEntry[]
    connection: ConnectionInfo
    state: State
  }): AwarenessEntry[]
  /**
   * Stores a change durably. The sender's save acknowledgement, and the relaying of the change
   * to everyone else, wait for every extension's returned promise; a failure means the document
   * can no longer promise durability, and its clients are closed with 4503 to resync.
   */
  onStoreChange(payload: ChangePayload<State>): Promise<void> | void
  /**
   * The document changed (after it was loaded). For what follows a change without making it
   * durable: nothing waits for it, and a failure here is logged, not the sender's problem.
   */
  onChange(payload: ChangePayload<State>): void
  /** The document is about to leave memory (its last client left, or the server stops). */
  onStoreDocument(payload: { documentId: string; document: DocumentView; state: State }): Promise<void> | void
  /** A client left. `document` and `state` are null if it left before its document was loaded. */
  onDisconnect(payload: {
    documentId: string
    document: DocumentView | null
    connection: ConnectionInfo
    state: State | null
  }): Promise<void> | void
}

export interface ChangePayload<State> {
  documentId: string
  document: DocumentView
  update: Uint8Array
  provenance: Provenance
  /** The connection the change came from; null for the server's own changes. */
  connection: ConnectionInfo | null
  state: State
}

export type HookName = keyof Hooks
export type HookPayload<Name extends HookName, State = unknown> = Parameters<Hooks<State>[Name]>[0]
/** The hooks that may return a promise, which the core waits for: derived, never listed by hand. */
export type AwaitedHookName = { [Name in HookName]: Promise<void> extends ReturnType<Hooks[Name]> ? Name : never }[HookName]

export interface Extension<State = undefined> extends Partial<Hooks<State>> {
  /** For logs. */
  readonly name: string
  /** Creates what this extension keeps about a document, as the document starts loading. */
  createState?(document: DocumentView): State
  /** The document has left memory (or failed to load); `state` is dropped after this. */
  disposeState?(state: State): void
}

/** Any extension, whatever its state: a room keeps each one's state beside it. */
export type AnyExtension = Extension<unknown>

/**
 * Thrown by beforeApplyUpdate when the update can be judged only after something asynchronous,
 * such as a claim in a registry that several nodes share: nothing of it is applied, and the
 * connection hands it in again, with what it sent after it, once `ready` resolves. `ready`
 * rejects with the refusal (a CollabError), if there is one.
 */
export class CheckLater extends Error {
  override name = 'CheckLater'
  constructor(readonly ready: Promise<void>) {
    super('the update is checked once something it depends on is settled')
  }
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
