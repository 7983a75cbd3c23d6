/**
 * The extension that credits every change to its writer. Its state for each loaded document is
 * the attribution index: who wrote and who deleted each character, and which person owns each
 * Yjs client id. It is filled from every transaction, with the provenance the room stamped on
 * it, and stored beside the document's snapshots (persistence.ts takes `snapshotPart`).
 *
 * It also keeps authorship honest: every Yjs client id belongs to the person whose connection
 * first wrote under it. An update that writes under an id bound to someone else, or to the
 * server's own starter text, is refused before it touches the document, and the connection is
 * closed with 4409. Deletions need no check: they are credited to whoever sent them. With several
 * nodes, an id is claimed with all of them before its first write is applied (client-id-claims.ts).
 */
import { CheckLater, CollabError, type DocumentView, type Extension } from '../collab/hooks'
import { RESTORED_FROM_SNAPSHOT } from '../collab/provenance'
import type { SnapshotPart } from '../storage/persistence'
import { AttributionIndex } from './attribution-index'
import type { ClientIdClaims } from './client-id-claims'

export interface Attribution extends Extension<AttributionIndex> {
  /** Who wrote and deleted what in a loaded document. */
  indexOf(document: DocumentView): AttributionIndex
  /** Stored beside each snapshot of the document (persistence.ts). */
  readonly snapshotPart: SnapshotPart
}

export interface AttributionOptions {
  /** Shared with the other nodes serving the same documents, if there are any. */
  claims?: ClientIdClaims | null
  /** A claim could not be made (the registry is away): the id is bound here alone meanwhile. */
  onClaimError?: (error: unknown) => void
}

export function attribution(options: AttributionOptions = {}): Attribution {
  const { claims = null, onClaimError = () => undefined } = options
  /** Per loaded document: the claims settled with the other nodes, client id → holder. */
  const settled = new WeakMap<AttributionIndex, Map<number, string>>()
  const settledIn = (index: AttributionIndex) => settled.get(index) ?? settled.set(index, new Map()).get(index)!

  /** Claims the ids that no node is known to hold yet; rejects with the refusal if one is someone else's. */
  const claimAll = async (documentId: string, index: AttributionIndex, clients: number[], person: string) => {
    const held = await Promise.all(
      clients.map((client) =>
        claims!.claim(documentId, client, person).catch((error: unknown) => {
          onClaimError(error)
          return person
        }),
      ),
    )
    clients.forEach((client, position) => settledIn(index).set(client, held[position]!))
    if (held.some((holder) => holder !== person)) throw takenError(clients.find((_, position) => held[position] !== person)!)
  }

  const extension: Attribution = {
    name: 'attribution',

    createState: () => new AttributionIndex(),

    afterTransaction({ transaction, provenance, state }) {
      // A stored snapshot's credits come back with it (snapshotPart.restore).
      if (transaction.origin === RESTORED_FROM_SNAPSHOT) return
      state.record(transaction, provenance.author, provenance.time)
    },

    beforeApplyUpdate({ document, update, connection, state }) {
      const unclaimed: number[] = []
      for (const client of update.writers) {
        if (!state.mayWrite(document.doc, client, connection.user)) throw takenError(client)
        if (claims === null || connection.user === null || state.isBound(client)) continue
        const holder = settledIn(state).get(client)
        if (holder === undefined) unclaimed.push(client)
        else if (holder !== connection.user) throw takenError(client)
      }
      if (unclaimed.length > 0) throw new CheckLater(claimAll(document.documentId, state, unclaimed, connection.user!))
    },

    indexOf: (document) => document.stateOf(extension),

    snapshotPart: {
      encode: (document) => extension.indexOf(document).encode(),
      restore: (document, bytes) => extension.indexOf(document).restore(bytes),
    },
  }
  return extension
}

const takenError = (client: number) => new CollabError('clientIdTaken', `client id ${client} belongs to someone else: start a new session`)
