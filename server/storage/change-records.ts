/**
 * What the update log holds, record by record (records.ts frames each one).
 *
 *   change    [1][varuint time, ms since 1970][author: 0 | 1 varstring][varbytes Yjs update]
 *   snapshot  [2][varbytes Yjs state][varbytes attribution index]
 *
 * Every change carries who made it and when, stamped by the server as it applied
 * the change: attribution is rebuilt from these after a restart, and a snapshot
 * keeps the attribution of everything it folds away. A change and its author are
 * one record, so a crash can never keep the one without the other.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

const CHANGE = 1
const SNAPSHOT = 2

/** One change to a document as stored. `author` is a user id, or null for the server's own text. */
export interface StoredChange {
  readonly update: Uint8Array
  readonly author: string | null
  /** Milliseconds since 1970, from the server's clock. */
  readonly time: number
}

/** A document's whole state at one moment, with the attribution of every part of it. */
export interface StoredSnapshot {
  readonly state: Uint8Array
  readonly attribution: Uint8Array
}

export class UnreadableRecordError extends Error {
  override name = 'UnreadableRecordError'
}

export function encodeChange(change: StoredChange): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeUint8(encoder, CHANGE)
  encoding.writeVarUint(encoder, change.time)
  if (change.author === null) encoding.writeUint8(encoder, 0)
  else {
    encoding.writeUint8(encoder, 1)
    encoding.writeVarString(encoder, change.author)
  }
  encoding.writeVarUint8Array(encoder, change.update)
  return encoding.toUint8Array(encoder)
}

export function decodeChange(bytes: Uint8Array): StoredChange {
  return read(bytes, CHANGE, 'change', (decoder) => {
    const time = decoding.readVarUint(decoder)
    const author = decoding.readUint8(decoder) === 0 ? null : decoding.readVarString(decoder)
    return { time, author, update: decoding.readVarUint8Array(decoder) }
  })
}

export function encodeSnapshot(snapshot: StoredSnapshot): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeUint8(encoder, SNAPSHOT)
  encoding.writeVarUint8Array(encoder, snapshot.state)
  encoding.writeVarUint8Array(encoder, snapshot.attribution)
  return encoding.toUint8Array(encoder)
}

export function decodeSnapshot(bytes: Uint8Array): StoredSnapshot {
  return read(bytes, SNAPSHOT, 'snapshot', (decoder) => ({
    state: decoding.readVarUint8Array(decoder),
    attribution: decoding.readVarUint8Array(decoder),
  }))
}

/** Records passed their checksum, so a record that does not decode was written by something else. */
function read<T>(bytes: Uint8Array, tag: number, kind: string, body: (decoder: decoding.Decoder) => T): T {
  try {
    const decoder = decoding.createDecoder(bytes)
    if (decoding.readUint8(decoder) !== tag) throw new Error(`it is not a ${kind} record`)
    const value = body(decoder)
    if (decoding.hasContent(decoder)) throw new Error('it has trailing bytes')
    return value
  } catch (error) {
    throw new UnreadableRecordError(`A stored ${kind} record is unreadable: ${(error as Error).message}.`)
  }
}
