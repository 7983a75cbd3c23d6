/** A bare websocket speaking the protocol byte by byte, for malformed and hostile input. */
import * as encoding from 'lib0/encoding'
import { onTestFinished } from 'vitest'
import WebSocket from 'ws'
import { MESSAGE_AWARENESS } from '../../model/protocol'

export interface RawSocket {
  socket: WebSocket
  /** Resolves with the first frame the server sends (its sync step 1) once we have joined. */
  joined: Promise<Uint8Array>
  closed: Promise<{ code: number; reason: string }>
  frames: Uint8Array[]
}

/** `cookie`: the session cookie of a signed-in person (see signUp), sent with the upgrade. */
export function openRawSocket(collabUrl: string, documentId: string, cookie?: string): RawSocket {
  const socket = new WebSocket(`${collabUrl}/${documentId}`, cookie ? { headers: { cookie } } : {})
  const frames: Uint8Array[] = []
  socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  const joined = new Promise<Uint8Array>((resolve, reject) => {
    socket.once('message', (data: Buffer) => resolve(new Uint8Array(data)))
    socket.once('error', reject)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  onTestFinished(() => socket.terminate())
  return { socket, joined, closed, frames }
}

/** An awareness frame with one entry, its state written as given (so it may be invalid JSON). */
export function awarenessFrame(clientId: number, clock: number, state: string): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, state)
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}
