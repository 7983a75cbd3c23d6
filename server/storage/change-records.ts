/**
 * What the update log holds, record by record (records.ts frames each one).
 *
 *   change    [1][varuint time, ms since 1970][author: 0 | 1 varstring][varbytes Yjs update]
 *   change    [3][varuint time][varuint author number][varstring author][varbytes Yjs update]
 *   change    [4][varuint time][varuint author number][varbytes Yjs update]
 *   snapshot  [2][varbytes Yjs state][varbytes attribution index][varbytes author numbers]
 *
 * Kind 3 names its author in full and gives the number that kind 4 uses after it
 * (log-authors.ts). Kind 1 is written for the server's own text (no author); logs
 * written before author numbers existed hold kind 1 throughout, and snapshots
 * without author numbers, and both are still read.
 *
 * Every change carries who made it and when, stamped by the server as it applied
 * the change: attribution is rebuilt from these after a restart, and a snapshot
 * keeps the attribution of everything it folds away. A change and its author are
 * one record, so a crash can never keep the one without the other.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { OpenedLog } from './document-log'
import { LogAuthors } from './log-authors'

const CHANGE = 1
const SNAPSHOT = 2
const CHANGE_NAMING_AUTHOR = 3
const CHANGE_BY_NUMBER = 4

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

/** A change's record, and the author number it names in full (to confirm once it is on disk), if any. */
export interface EncodedChange {
  record: Uint8Array
  naming: number | null
}

export function encodeChange(change: StoredChange, authors: LogAuthors): EncodedChange {
  const encoder = encoding.createEncoder()
  let naming: number | null = null
  if (change.author === null) {
    encoding.writeUint8(encoder, CHANGE)
    encoding.writeVarUint(encoder, change.time)
    encoding.writeUint8(encoder, 0)
  } else {
    const number = authors.numberOf(change.author)
    const durable = authors.isDurable(number)
    encoding.writeUint8(encoder, durable ? CHANGE_BY_NUMBER : CHANGE_NAMING_AUTHOR)
    encoding.writeVarUint(encoder, change.time)
    encoding.writeVarUint(encoder, number)
    if (!durable) {
      encoding.writeVarString(encoder, change.author)
      naming = number
    }
  }
  encoding.writeVarUint8Array(encoder, change.update)
  return { record: encoding.toUint8Array(encoder), naming }
}

/** Reads a change; `authors` learns the numbers the log names as it is read in order. */
export function decodeChange(bytes: Uint8Array, authors: LogAuthors): StoredChange {
  return read(bytes, [CHANGE, CHANGE_NAMING_AUTHOR, CHANGE_BY_NUMBER], 'change', (decoder, kind) => {
    const time = decoding.readVarUint(decoder)
    let author: string | null
    if (kind === CHANGE) author = decoding.readUint8(decoder) === 0 ? null : decoding.readVarString(decoder)
    else {
      const number = decoding.readVarUint(decoder)
      if (kind === CHANGE_NAMING_AUTHOR) {
        authors.learn(number, decoding.readVarString(decoder))
        authors.confirm(number)
      }
      author = authors.idOf(number) ?? null
      if (author === null) throw new Error(`author number ${number} was never named`)
    }
    return { time, author, update: decoding.readVarUint8Array(decoder) }
  })
}

/** A new document's content: its first change, in a log that has named nobody yet. Closes the log. */
export async function writeFirstChange({ log }: OpenedLog, change: StoredChange): Promise<void> {
  try {
    await log.append(encodeChange(change, new LogAuthors()).record)
  } finally {
    await log.close()
  }
}

export function encodeSnapshot(snapshot: StoredSnapshot, authors: LogAuthors): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeUint8(encoder, SNAPSHOT)
  encoding.writeVarUint8Array(encoder, snapshot.state)
  encoding.writeVarUint8Array(encoder, snapshot.attribution)
  encoding.writeVarUint8Array(encoder, authors.encode())
  return encoding.toUint8Array(encoder)
}

export const isSnapshotRecord = (bytes: Uint8Array): boolean => bytes[0] === SNAPSHOT

export function decodeSnapshot(bytes: Uint8Array): StoredSnapshot & { authors: LogAuthors } {
  return read(bytes, [SNAPSHOT], 'snapshot', (decoder) => ({
    state: decoding.readVarUint8Array(decoder),
    attribution: decoding.readVarUint8Array(decoder),
    authors: decoding.hasContent(decoder) ? LogAuthors.decode(decoding.readVarUint8Array(decoder)) : new LogAuthors(),
  }))
}

/** Records passed their checksum, so a record that does not decode was written by something else. */
function read<T>(bytes: Uint8Array, tags: number[], kind: string, body: (decoder: decoding.Decoder, tag: number) => T): T {
  try {
    const decoder = decoding.createDecoder(bytes)
    const tag = decoding.readUint8(decoder)
    if (!tags.includes(tag)) throw new Error(`it is not a ${kind} record`)
    const value = body(decoder, tag)
    if (decoding.hasContent(decoder)) throw new Error('it has trailing bytes')
    return value
  } catch (error) {
    throw new UnreadableRecordError(`A stored ${kind} record is unreadable: ${(error as Error).message}.`)
  }
}
