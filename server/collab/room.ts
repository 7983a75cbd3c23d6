/**
 * A room is one document in memory with the clients editing it.
 *
 * The Y.Doc keeps tombstones (gc: false) because version history reads them.
 * Every change is handed to the extensions' onStoreChange hooks and relayed to the other
 * clients once they have stored it; the sender's save acknowledgement waits for them too.
 * What is stored and relayed for a client's update is what its check wrote, the structs the
 * document lacked, with the deletions that were new (update-encoding.ts): Yjs is not asked to
 * encode every transaction again, which it does for anyone listening to 'update'.
 * The room also keeps each extension's state for this document, and drops it on destroy, and
 * its presence (room-presence.ts).
 */
import * as Y from 'yjs'
import type { ContentShape } from './content-shape'
import type { ReceivedAwarenessEntry } from './frames'
import { CheckLater, type AnyExtension, type ChangePayload, type ConnectionInfo, type DocumentView, type Extension } from './hooks'
import { isProvenance, type Provenance } from './provenance'
import { ClientUpdate, type AppliedUpdates, type RoomMember } from './room-member'
import { runBeforeApplyAwareness, runBeforeApplyUpdate, runChangeHooks, runStoreHooks } from './run-hooks'
import { RelayBatch } from './relay-batch'
import { RoomPresence } from './room-presence'
import { encodeSyncStep1, encodeSyncStep2 } from './server-frames'
import type { PresenceLink } from './shared-presence'
import { HeldUpdates } from './held-updates'
import { checkUpdate, checkUpdates, InvalidUpdateError, MissingDependencyError, type CheckedUpdate } from './update-check'
import { encodeTransaction, withDeletions, type EncodedChange } from './update-encoding'

export type { AppliedUpdates, RoomMember } from './room-member'

/** Where a transaction keeps the provenance it was stamped with. */
const PROVENANCE = 'coffeehouse:provenance'

export interface RoomOptions {
  documentId: string
  extensions: readonly AnyExtension[]
  /** What the document may hold: every update is checked against it. */
  shape: ContentShape
  /** Called when storing a change failed: the room can no longer promise durability. */
  onStorageFailure: (room: Room, error: unknown) => void
  /** Called when an extension's onChange failed: reported, and nothing else changes. */
  onHookFailure: (room: Room, extension: AnyExtension, error: unknown) => void
  /** The server's clock, which dates every change (ms since 1970). */
  now: () => number
  /** The other nodes serving the same documents, if there are any. */
  presenceLink?: PresenceLink | null
}

export class Room implements DocumentView {
  readonly doc = new Y.Doc({ gc: false })
  readonly members = new Set<RoomMember>()
  /** Each extension's state for this document (Extension.createState). */
  private readonly states = new Map<AnyExtension, unknown>()
  private readonly unsettled = new Set<Promise<void>>()
  private readonly relays = new RelayBatch<RoomMember>(() => this.members)
  private readonly presence = new RoomPresence<RoomMember>(this.doc, () => this.members)
  private readonly held = new HeldUpdates<RoomMember>((member) => ({
    apply: (update) => this.applyClientUpdate(update, member),
    refuse: (error) => member.refuse(error),
  }))

  constructor(private readonly options: RoomOptions) {
    // Registered before any extension's state exists, so every transaction is stamped before anyone reads it.
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => this.stamp(transaction))
    for (const extension of options.extensions) {
      if (extension.createState) this.states.set(extension, extension.createState(this))
    }
  }

  get documentId(): string {
    return this.options.documentId
  }

  stateOf<State>(extension: Extension<State>): State {
    const known = this.states.has(extension as AnyExtension)
    if (!known && extension.createState) throw new Error(`The extension "${extension.name}" does not serve this server.`)
    return this.states.get(extension as AnyExtension) as State
  }

  /** Starts broadcasting and storing. Call once the stored state has been loaded. */
  open(): void {
    // Where Yjs would encode the 'update' event: after the transaction's observers and merges.
    this.doc.on('afterTransactionCleanup', (transaction: Y.Transaction) => this.changed(transaction))
    this.presence.open()
    if (this.options.presenceLink) this.presence.share(this.options.presenceLink, this.documentId)
  }

  join(member: RoomMember): void {
    this.members.add(member)
    // Our state vector makes the client answer with whatever it has that we lack.
    member.send(encodeSyncStep1(this.doc))
    if (!this.presence.isEmpty) member.send(this.presence.encodeAll())
  }

  leave(member: RoomMember): void {
    this.members.delete(member)
    this.held.drop(member, new Error('the client left before what its updates build on arrived'))
    this.presence.forget(member)
  }

  /**
   * The sync step 2 answering a client's step 1, once every change in it is durable:
   * like a relayed update (see changed), it must not hand a client anyone else's edit
   * that a crash could still take back.
   */
  diff(stateVector: Uint8Array): Promise<Uint8Array> {
    const step2 = encodeSyncStep2(this.doc, stateVector)
    return Promise.allSettled([...this.unsettled]).then(() => step2)
  }

  /**
   * Checks and applies a client's update. Resolves once every onChange hook has
   * finished with it (for storage: once it is durable). Throws, leaving the
   * document untouched, if the update is invalid or an extension refuses it.
   */
  applyClientUpdate(update: Uint8Array, sender: RoomMember): Promise<void> {
    return this.applyChecked(checkUpdate(this.doc, update, this.options.shape), sender)
  }

  /**
   * Applies updates that one client sent one after another, as one socket read brought them,
   * in one transaction: the check, the extensions' hooks, the log record and the relay are paid
   * once for all of them rather than once each: a third of the server's CPU when a writer sends
   * as fast as it can (docs/benchmarks.md, throughput), as a paste or an editor reconnecting with
   * what it wrote offline does. The extensions see the updates as one: the suggestion rules compare the
   * document before the first with the document after the last.
   *
   * If they are refused together, they are tried one by one, so that those before the refused
   * one are applied as they would have been on their own. Returns, for each update applied, the
   * promise that it is stored, and why the rest were refused, if they were.
   */
  applyClientUpdates(updates: readonly Uint8Array[], sender: RoomMember): AppliedUpdates {
    if (updates.length > 1) {
      try {
        const stored = this.applyChecked(checkUpdates(this.doc, updates, this.options.shape), sender)
        return { stored: updates.map(() => stored), refusal: null, later: null }
      } catch {
        // Which of them is refused, and what went in before it, is found one by one.
      }
    }
    const stored: Promise<void>[] = []
    for (const [index, update] of updates.entries()) {
      try {
        stored.push(this.applyOrHold(update, sender))
      } catch (refusal) {
        if (refusal instanceof CheckLater) return { stored, refusal: null, later: { ready: refusal.ready, updates: updates.slice(index) } }
        return { stored, refusal, later: null }
      }
    }
    return { stored, refusal: null, later: null }
  }

  /**
   * Applies the update, or holds it until what it builds on arrives (held-updates.ts): either
   * way, the promise says when it is stored.
   */
  private applyOrHold(update: Uint8Array, sender: RoomMember): Promise<void> {
    try {
      return this.applyClientUpdate(update, sender)
    } catch (refusal) {
      if (!(refusal instanceof MissingDependencyError)) throw refusal
      return this.held.hold(sender, update).then((applied) => applied)
    }
  }

  private applyChecked(checked: CheckedUpdate, sender: RoomMember): Promise<void> {
    runBeforeApplyUpdate(this.options.extensions, (extension) => ({
      documentId: this.documentId,
      document: this,
      update: checked,
      connection: sender.info,
      state: this.states.get(extension),
    }))
    const origin = new ClientUpdate(sender, this.options.now(), checked.structSection)
    Y.applyUpdate(this.doc, checked.bytes, origin)
    const { pendingStructs, pendingDs } = this.doc.store
    if (pendingStructs !== null || pendingDs !== null) {
      // Only a circular reference gets past checkUpdate to here. What integrated is
      // consistent and kept; the unresolvable rest is dropped instead of kept forever.
      this.doc.store.pendingStructs = null
      this.doc.store.pendingDs = null
      throw new InvalidUpdateError('the update has circular references')
    }
    // Nearly always one transaction, whose promise is returned as it is: one less per keystroke.
    return origin.stored.length === 1 ? origin.stored[0]! : Promise.all(origin.stored).then(() => undefined)
  }

  applyAwareness(entries: ReceivedAwarenessEntry[], sender: RoomMember): void {
    const accepted = runBeforeApplyAwareness(this.options.extensions, this.presence.entriesOf(entries, sender), (extension, entries) => ({
      documentId: this.documentId,
      document: this,
      entries,
      connection: sender.info,
      state: this.states.get(extension),
    }))
    this.presence.apply(accepted, sender)
  }

  setServerPresence(field: string, value: unknown, options: { thisNodeOnly?: boolean } = {}): void {
    this.presence.setServerField(field, value, !options.thisNodeOnly)
  }

  encodeAllAwareness(): Uint8Array {
    return this.presence.encodeAll()
  }

  /** Resolves once every change so far has been handled by the onChange hooks. */
  async settle(): Promise<void> {
    while (this.unsettled.size > 0) await Promise.allSettled([...this.unsettled])
  }

  /** Drops every extension's state for this document, then the document. */
  destroy(): void {
    for (const [extension, state] of this.states) extension.disposeState?.(state)
    this.states.clear()
    this.presence.destroy()
    this.doc.destroy()
    this.relays.stop()
  }

  /**
   * Stamps each transaction with who made it and when, then lets the extensions see it. A
   * stored snapshot being re-applied was credited when it was first written: it is stamped as
   * the server's, and the extensions that credit text pass over it (provenance.ts).
   */
  private stamp(transaction: Y.Transaction): void {
    const origin = transaction.origin
    const provenance: Provenance = isProvenance(origin) ? { author: origin.author, time: origin.time } : { author: null, time: this.options.now() }
    transaction.meta.set(PROVENANCE, provenance)
    for (const extension of this.options.extensions) {
      extension.afterTransaction?.({ document: this, transaction, provenance, state: this.states.get(extension) })
    }
  }

  private changed(transaction: Y.Transaction): void {
    const change = this.changeOf(transaction)
    if (change === null) return
    const { update } = change
    const origin = transaction.origin
    const sender = origin instanceof ClientUpdate ? origin.sender : null
    const provenance = transaction.meta.get(PROVENANCE) as Provenance
    const payloadFor = (extension: AnyExtension): ChangePayload<unknown> => ({
      documentId: this.documentId,
      document: this,
      update,
      provenance,
      connection: sender?.info ?? null,
      state: this.states.get(extension),
    })
    const stored = runStoreHooks(this.options.extensions, payloadFor)
    // What an update was waiting for may be what this change brought.
    this.held.retrySoon()
    runChangeHooks(this.options.extensions, payloadFor, (extension, error) => this.options.onHookFailure(this, extension, error))
    if (origin instanceof ClientUpdate) origin.stored.push(stored)
    this.unsettled.add(stored)
    // Relayed only once durable. A client that held someone else's edit which a crash then
    // lost would send it back in its sync step 2 on reconnecting, under the other person's
    // client id, and be refused for good with 4409 (attribution-extension.ts), losing its own unsaved
    // edits with it; and an edit by someone whose first edits were lost would make the
    // relaying client the owner of their client id. Stores finish in order (the log's
    // group commit), so relays keep the order in which updates were applied; those that become
    // durable together go out together (relay-batch.ts).
    stored.then(
      () => {
        this.unsettled.delete(stored)
        this.relays.add(change, sender)
      },
      (error: unknown) => {
        this.unsettled.delete(stored)
        this.options.onStorageFailure(this, error)
      },
    )
  }

  /**
   * What a transaction changed, or null if nothing. A client's update was written as it was
   * checked; if Yjs left part of it pending (a circular reference, refused in applyClientUpdate),
   * only what it integrated counts, read from the store like every change the server makes.
   */
  private changeOf(transaction: Y.Transaction): EncodedChange | null {
    const { origin } = transaction
    const { pendingStructs, pendingDs } = this.doc.store
    if (origin instanceof ClientUpdate && pendingStructs === null && pendingDs === null) return withDeletions(origin.structSection, transaction)
    return encodeTransaction(transaction)
  }
}
