/**
 * Joining changes that became durable together into one update for the relay (relay-batch.ts),
 * by copying their bytes instead of decoding and writing them again as Y.mergeUpdates does,
 * which was a fifth of the server's CPU per keystroke and grows faster than the batch
 * (docs/benchmarks.md, update-cost).
 *
 * This works because of what the room relays: each change holds only what the document lacked
 * when it was applied (update-encoding.ts), in the order the changes were applied, so one
 * client's structs in the next change continue exactly where the previous change's ended. In
 * format V1 a struct's bytes do not depend on the structs around it, so each client's struct
 * bytes can be laid end to end under one header. Deletions are varuint ranges, read and written
 * again per client. Where a client's structs do not continue each other (changes left out of a
 * batch, as a writer's own are from what it is sent), there is nothing to join: null, and the
 * caller merges with Yjs.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { EncodedChange } from './update-encoding'

interface JoinedClient {
  count: number
  from: number
  to: number
  pieces: Uint8Array[]
}

/** One update holding every change, or null if some client's structs do not follow on. */
export function joinChanges(changes: readonly EncodedChange[]): Uint8Array | null {
  const clients = new Map<number, JoinedClient>()
  for (const { update, clients: sections } of changes) {
    for (const { client, count, from, to, start, end } of sections) {
      const piece = update.subarray(start, end)
      const joined = clients.get(client)
      if (joined === undefined) clients.set(client, { count, from, to, pieces: [piece] })
      else if (joined.to !== from) return null
      else {
        joined.count += count
        joined.to = to
        joined.pieces.push(piece)
      }
    }
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, clients.size)
  for (const [client, { count, from, pieces }] of clients) {
    encoding.writeVarUint(encoder, count)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, from)
    for (const piece of pieces) encoding.writeUint8Array(encoder, piece)
  }
  writeJoinedDeletions(encoder, changes)
  return encoding.toUint8Array(encoder)
}

/** Every change's deleted ranges, per client; overlaps are harmless, as deleting twice is. */
function writeJoinedDeletions(encoder: encoding.Encoder, changes: readonly EncodedChange[]): void {
  const ranges = new Map<number, number[]>()
  for (const { update, deletionsAt } of changes) {
    const decoder = decoding.createDecoder(update.subarray(deletionsAt))
    for (let clients = decoding.readVarUint(decoder); clients > 0; clients--) {
      const client = decoding.readVarUint(decoder)
      let list = ranges.get(client)
      if (list === undefined) ranges.set(client, (list = []))
      for (let count = decoding.readVarUint(decoder); count > 0; count--) list.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder))
    }
  }
  encoding.writeVarUint(encoder, ranges.size)
  for (const [client, list] of ranges) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, list.length / 2)
    for (const value of list) encoding.writeVarUint(encoder, value)
  }
}
