/**
 * Decodes a client's frame completely before anything acts on it: every length
 * is checked and no bytes may trail. A frame that fails here is malformed and
 * closes its connection. Awareness states stay JSON text until the room reads the
 * ones that count (readAwarenessState): the stock provider sends every presence
 * frame it receives back to the server, so in a crowd most entries a client sends
 * are other people's, which the room ignores, and parsing them cost more than all
 * the rest of the frame.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import {
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from '../../model/protocol'

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** null means the client left. */
  state: Record<string, unknown> | null
}

/** An awareness entry as it arrived: the state is read only if the room will use it. */
export interface ReceivedAwarenessEntry {
  clientId: number
  clock: number
  json: string
}

export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; entries: ReceivedAwarenessEntry[] }
  | { kind: 'query-awareness' }

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
}

export function decodeClientFrame(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame)
  try {
    const message = decodeMessage(decoder)
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('unexpected bytes after the message')
    return message
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError(`undecodable frame: ${(error as Error).message}`)
  }
}

function decodeMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MESSAGE_SYNC:
      return decodeSync(decoder)
    case MESSAGE_AWARENESS:
      return { kind: 'awareness', entries: decodeAwarenessUpdate(decoding.readVarUint8Array(decoder)) }
    case MESSAGE_QUERY_AWARENESS:
      return { kind: 'query-awareness' }
    default:
      throw new MalformedMessageError(`unknown message type ${type}`)
  }
}

function decodeSync(decoder: decoding.Decoder): ClientMessage {
  const step = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  switch (step) {
    case SYNC_STEP_1:
      checkStateVector(payload)
      return { kind: 'sync-step-1', stateVector: payload }
    case SYNC_STEP_2:
      return { kind: 'sync-step-2', update: payload }
    case SYNC_UPDATE:
      return { kind: 'sync-update', update: payload }
    default:
      throw new MalformedMessageError(`unknown sync message type ${step}`)
  }
}

function checkStateVector(bytes: Uint8Array): void {
  const decoder = decoding.createDecoder(bytes)
  const clients = decoding.readVarUint(decoder)
  for (let i = 0; i < clients; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('unexpected bytes after the state vector')
}

export function decodeAwarenessUpdate(bytes: Uint8Array): ReceivedAwarenessEntry[] {
  const decoder = decoding.createDecoder(bytes)
  const count = decoding.readVarUint(decoder)
  const entries: ReceivedAwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    entries.push({ clientId, clock, json: decoding.readVarString(decoder) })
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('unexpected bytes after the awareness update')
  return entries
}

/** The entry with its state read: a JSON object, or null for a client that left. Throws MalformedMessageError. */
export function readAwarenessState({ clientId, clock, json }: ReceivedAwarenessEntry): AwarenessEntry {
  return { clientId, clock, state: parseAwarenessState(json) }
}

function parseAwarenessState(json: string): Record<string, unknown> | null {
  let state: unknown
  try {
    state = JSON.parse(json)
  } catch {
    throw new MalformedMessageError('an awareness state is not valid JSON')
  }
  if (state === null) return null
  if (typeof state !== 'object' || Array.isArray(state)) {
    throw new MalformedMessageError('an awareness state must be a JSON object or null')
  }
  return state as Record<string, unknown>
}

/** The awareness update that applies `entries`, as y-protocols reads one. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}
