/**
 * The wire protocol: y-websocket framing plus one Coffeehouse message.
 *
 * Every websocket frame is binary: a varuint message type, then its payload.
 *
 *   0 sync            y-protocols/sync: step 1 (state vector), step 2 (missing updates), update
 *   1 awareness       y-protocols/awareness update (presence: names, colours, carets)
 *   3 query-awareness ask the server for everyone's awareness state (no payload)
 *   100 saved         server -> client: varuint N. The first N update-bearing messages
 *                     (sync step 2 and sync update) this connection sent are durably on
 *                     disk. Sent only to clients that connect with `?saveAck=1`, because
 *                     the stock provider logs an error for message types it does not know.
 *
 * Handshake: on open the client sends sync step 1 and its awareness; the server answers
 * with step 2 (what the client lacks) and its own step 1; the client answers with step 2
 * (what the server lacks). After that both sides send updates as they happen.
 *
 * This module has no Node or DOM dependencies: the editor imports it too.
 * docs/PROTOCOL.md spells out the bytes.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3
export const MESSAGE_SAVED = 100

export const SYNC_STEP_1 = 0
export const SYNC_STEP_2 = 1
export const SYNC_UPDATE = 2

/** The query parameter with which a client asks for save acknowledgements. */
export const SAVE_ACK_PARAM = 'saveAck'

/**
 * Close codes. 4400-4499 mean "do not retry": the stock provider stops reconnecting
 * on them. 4500-4599 mean "try again later".
 */
export const CloseCode = {
  /** The server is shutting down or restarting. */
  goingAway: 1001,
  /** A frame exceeded the maximum message size (sent by the ws library). */
  messageTooBig: 1009,
  /** The server failed; the client should reconnect and resend. */
  internalError: 1011,
  /** A frame or Yjs update could not be decoded, or broke the protocol's rules. */
  malformedMessage: 4400,
  /** The document is for members only: sign in first. */
  signInRequired: 4401,
  /** Not allowed: no access, blocked, or an edit from someone who may only read. */
  forbidden: 4403,
  /** No document has this id. */
  documentNotFound: 4404,
  /**
   * The update wrote under a Yjs client id that belongs to another person (or to the
   * server). Every client id is bound to the person who first wrote under it, so
   * authorship cannot be forged. The client must start again with a new Y.Doc.
   */
  clientIdTaken: 4409,
  /**
   * The sender may only suggest changes, and the update would have changed the accepted text or
   * somebody else's suggestion (docs/suggestions.md). Nothing of it was applied. The client must
   * start again from the server's copy, with a new Y.Doc: its own copy holds the refused change.
   */
  suggestOnly: 4422,
  /** The document could not be stored; reconnect later and the edits are resent. */
  storageUnavailable: 4503,
  /**
   * Too many updates wait for content that has not arrived (the server holds an update that
   * builds on something it lacks until that comes, within a bound per document). Reconnect: the
   * sync handshake sends everything again, in order.
   */
  tooManyHeldUpdates: 4507,
  /** The client's role in the document changed; it reconnects (the provider does) and reads its role again. */
  accessChanged: 4510,
} as const

export type CloseCodeName = keyof typeof CloseCode

/** True when a client frame carries document content: sync step 2 or a sync update. */
export function isUpdateBearing(frame: Uint8Array): boolean {
  // Message type and sync sub-type are single-byte varuints for every valid frame.
  return frame.length >= 2 && frame[0] === MESSAGE_SYNC && (frame[1] === SYNC_STEP_2 || frame[1] === SYNC_UPDATE)
}

export function encodeSaved(count: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SAVED)
  encoding.writeVarUint(encoder, count)
  return encoding.toUint8Array(encoder)
}

/** Reads the payload of a saved message, after its type has been read. */
export function readSaved(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder)
}
