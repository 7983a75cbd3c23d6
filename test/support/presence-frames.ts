import * as decoding from 'lib0/decoding'
import { MESSAGE_AWARENESS } from '../../model/protocol'

/** The client ids whose presence a frame carries; none if it is not a presence frame. */
export function presenceClients(frame: Uint8Array): number[] {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return []
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const clients: number[] = []
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    clients.push(decoding.readVarUint(update))
    decoding.readVarUint(update)
    decoding.readVarString(update)
  }
  return clients
}
