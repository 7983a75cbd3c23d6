/**
 * A server Room in the test's own process, with no server around it: the extensions a test
 * gives it, a document shaped as the server's, and failures thrown rather than handled, so
 * that a test sees them. Members are plain objects that record or handle what the room sends.
 */
import * as decoding from 'lib0/decoding'
import { MESSAGE_SYNC, SYNC_UPDATE } from '../../model/protocol'
import type { AnyExtension, ConnectionInfo } from '../../server/collab/hooks'
import { Room, type RoomMember } from '../../server/collab/room'
import { createDocumentModel } from '../../server/documents/content'

/** `open: false` leaves the room to be opened by the test, after it has loaded what the document holds. */
export function bareRoom(extensions: readonly AnyExtension[], { now = () => 0, open = true }: { now?: () => number; open?: boolean } = {}): Room {
  const room = new Room({
    documentId: 'paper',
    extensions,
    shape: createDocumentModel().shape,
    onStorageFailure: (_room, error) => {
      throw error
    },
    onHookFailure: (_room, _extension, error) => {
      throw error
    },
    now,
  })
  if (open) room.open()
  return room
}

/** A member signed in as `user`, handing every frame the room sends it to `send`. */
export function bareMember(user: string, send: (frame: Uint8Array) => void = () => {}): RoomMember {
  const info: ConnectionInfo = {
    id: user,
    documentId: 'paper',
    remoteAddress: undefined,
    user,
    close: (error) => {
      throw error
    },
  }
  const refuse = (error: unknown) => {
    throw error
  }
  return { info, send, refuse }
}

/** The update a sync update frame carries; null for any other frame. */
export function relayedUpdate(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== SYNC_UPDATE) return null
  return decoding.readVarUint8Array(decoder)
}
