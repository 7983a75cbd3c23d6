/**
 * Replays an editing trace as if several people had written it in turns, through a
 * real Room (the server's in-memory document with its update checks and attribution),
 * in this process. For tests and benchmarks of attribution that need a large,
 * realistically written document without the cost of a network.
 */
import * as Y from 'yjs'
import type { AttributionIndex } from '../../server/attribution/attribution-index'
import { attribution as createAttribution, type Attribution } from '../../server/attribution/attribution-extension'
import type { AnyExtension, ConnectionInfo } from '../../server/collab/hooks'
import { Room, type RoomMember } from '../../server/collab/room'
import { createDocumentModel } from '../../server/documents/content'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { ParagraphText } from './paragraph-text'
import type { Trace } from './traces'

export interface AuthoredReplayOptions {
  /** The room's document id (default: replay). */
  documentId?: string
  /** The attribution extension to credit with (default: a new one), for code that reads through it. */
  attribution?: Attribution
  /** Extensions the room has besides attribution, listed after it (say, history's recorder). */
  extensions?: readonly AnyExtension[]
  /** The people who take turns, as user ids. */
  authors: readonly string[]
  /** Transactions each person writes before the next takes over. */
  turn: number
  /** The server's clock advances this much per transaction (the traces have no usable times). */
  msPerTransaction: number
  /** Stop after this many of the trace's transactions (default: all of them). */
  transactions?: number
  /** Called once each transaction is in the room, with how many are and the server's clock (to record versions, say). */
  afterTransaction?: (room: Room, written: number, now: number) => Promise<void>
}

export interface AuthoredReplay {
  room: Room
  /** Who wrote what in the room's document. */
  attribution: AttributionIndex
  /** Transactions written. */
  written: number
  /** Which author wrote each transaction, by index. */
  authorOf: (transaction: number) => string
}

export async function replayAsAuthors(trace: Trace, options: AuthoredReplayOptions): Promise<AuthoredReplay> {
  let clock = Date.UTC(2026, 10, 1)
  const documentId = options.documentId ?? 'replay'
  const attribution = options.attribution ?? createAttribution()
  const room = new Room({
    documentId,
    extensions: [attribution, ...(options.extensions ?? [])],
    shape: createDocumentModel().shape,
    onStorageFailure: (_room, error) => {
      throw error
    },
    onHookFailure: (_room, _extension, error) => {
      throw error
    },
    now: () => clock,
  })
  room.open()
  const members = options.authors.map((user, index) => ({ member: memberFor(documentId, user, index), clientId: 1000 + index }))
  const authorOf = (transaction: number) => options.authors[Math.floor(transaction / options.turn) % options.authors.length]!

  // One writing copy whose client id changes hands: each person writes under their own id.
  const writer = new Y.Doc()
  writer.clientID = members[0]!.clientId
  const fragment = writer.getXmlFragment(DOCUMENT_FRAGMENT)
  fragment.insert(0, [new Y.XmlElement('paragraph')])
  await room.applyClientUpdate(Y.encodeStateAsUpdate(writer), members[0]!.member)
  const text = new ParagraphText(fragment)
  let pending: Uint8Array | null = null
  writer.on('update', (update: Uint8Array) => (pending = update))
  const written = Math.min(options.transactions ?? trace.txns.length, trace.txns.length)
  for (const [number, { patches }] of trace.txns.slice(0, written).entries()) {
    const author = members[Math.floor(number / options.turn) % members.length]!
    writer.clientID = author.clientId
    writer.transact(() => {
      for (const [position, deleted, inserted] of patches) text.apply(position, deleted, inserted)
    })
    clock += options.msPerTransaction
    if (pending) await room.applyClientUpdate(pending, author.member)
    pending = null
    await options.afterTransaction?.(room, number + 1, clock)
  }
  writer.destroy()
  return { room, attribution: attribution.indexOf(room), written, authorOf }
}

function memberFor(documentId: string, user: string, index: number): RoomMember {
  const info: ConnectionInfo = {
    id: `replay-${index}`,
    documentId,
    remoteAddress: undefined,
    user,
    close: (error) => {
      throw error
    },
  }
  return { info, send: () => {}, refuse: (error) => {
    throw error
  } }
}
