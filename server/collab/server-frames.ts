/** Frames the server sends, in y-websocket framing (see protocol.ts). */
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../model/protocol'

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (doc: Y.Doc) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep1(encoder, doc)
  })

/** What `doc` has that a peer with `stateVector` lacks. */
export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  })

export const encodeSyncUpdate = (update: Uint8Array) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, update)
  })

export const encodeAwareness = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  })
