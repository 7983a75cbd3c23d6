/**
 * Writing Yjs updates (format V1) for what the room stores and relays, without asking Yjs to
 * encode every transaction again.
 *
 * An update in V1 is a struct section followed by a delete set, each written straight into one
 * byte stream, so the two can be written apart and joined:
 *
 *   structs     [varuint clients] then per client: [varuint count][varuint client][varuint first clock][structs…]
 *   delete set  [varuint clients] then per client: [varuint client][varuint ranges] then per range: [varuint clock][varuint length]
 *
 * A client's update is checked, and its struct section written, before it is applied
 * (update-check.ts); only once Yjs has applied it is it known which of its deletions were new.
 * So the update the room stores is that struct section joined to the transaction's delete set
 * (`withDeletions`). Changes the server makes itself have no checked form, and are written from
 * the document's store as Yjs itself would (`encodeTransaction`).
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

type Struct = Y.Item | Y.GC

/** A delete set as Yjs keeps one: per client, ranges of deleted clocks. */
export interface Deletions {
  readonly clients: Map<number, ReadonlyArray<{ readonly clock: number; readonly len: number }>>
}

/** One client's structs in an update, written from clock `from` on: earlier clocks are cut off. */
export interface ClientStructs {
  readonly client: number
  readonly structs: readonly Struct[]
  readonly from: number
}

/** Where one client's structs are in an encoded update: what update-merge.ts joins updates by. */
export interface ClientSection {
  readonly client: number
  /** Structs, and the clocks they cover: from, up to but not including to. */
  readonly count: number
  readonly from: number
  readonly to: number
  /** Their bytes, after the section's header. */
  readonly start: number
  readonly end: number
}

/** A struct section's bytes, and where each client's structs are in them. */
export interface StructSection {
  readonly bytes: Uint8Array
  readonly clients: readonly ClientSection[]
}

/** A change as the room stores and relays it: the update, and where its parts are. */
export interface EncodedChange {
  readonly update: Uint8Array
  readonly clients: readonly ClientSection[]
  /** Where the delete set starts. */
  readonly deletionsAt: number
}

/** The struct section: every client's structs from its `from` clock. Clients with nothing from there are left out. */
export function encodeStructSection(sections: readonly ClientStructs[]): StructSection {
  const encoder = new Y.UpdateEncoderV1()
  const clients = writeStructSection(encoder, sections)
  return { bytes: encoder.toUint8Array(), clients }
}

/**
 * The update a struct section and a delete set make together. Without deletions, as with
 * nearly every keystroke, that is the section and one zero byte: no encoder is made, since
 * making one (and its buffer) costs more than the copy.
 */
export function encodeUpdate(structSection: Uint8Array, deletions: Deletions): Uint8Array {
  if (deletions.clients.size === 0) {
    const update = new Uint8Array(structSection.length + 1)
    update.set(structSection)
    return update
  }
  const encoder = encoding.createEncoder()
  encoding.writeUint8Array(encoder, structSection)
  writeDeletions(encoder, deletions)
  return encoding.toUint8Array(encoder)
}

/** What a transaction that applied `structSection` changed, or null if it changed nothing. */
export function withDeletions(structSection: StructSection, transaction: Y.Transaction): EncodedChange | null {
  if (structSection.clients.length === 0 && transaction.deleteSet.clients.size === 0) return null
  return { update: encodeUpdate(structSection.bytes, transaction.deleteSet), clients: structSection.clients, deletionsAt: structSection.bytes.length }
}

/**
 * What a transaction changed, written from the document's store once the transaction has ended
 * (Yjs's own encoding for its 'update' event, bounded to this transaction's clocks): the
 * structs each client added, then the transaction's delete set. Null if it changed nothing.
 */
export function encodeTransaction(transaction: Y.Transaction): EncodedChange | null {
  const sections: ClientStructs[] = []
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = transaction.doc.store.clients.get(client) as Struct[]
    const first = Y.findIndexSS(structs, before)
    let end = first
    while (end < structs.length && structs[end]!.id.clock < after) end++
    sections.push({ client, structs: structs.slice(first, end), from: before })
  }
  if (sections.length === 0 && transaction.deleteSet.clients.size === 0) return null
  // Higher client ids first, as Yjs writes them.
  sections.sort((a, b) => b.client - a.client)
  const encoder = new Y.UpdateEncoderV1()
  const clients = writeStructSection(encoder, sections)
  const deletionsAt = encoding.length(encoder.restEncoder)
  writeDeletions(encoder.restEncoder, transaction.deleteSet)
  return { update: encoder.toUint8Array(), clients, deletionsAt }
}

function writeStructSection(encoder: Y.UpdateEncoderV1, sections: readonly ClientStructs[]): ClientSection[] {
  const out = encoder.restEncoder
  const written: ClientSection[] = []
  let count = 0
  for (const section of sections) if (firstNew(section) < section.structs.length) count++
  encoding.writeVarUint(out, count)
  for (const section of sections) {
    const { client, structs, from } = section
    const first = firstNew(section)
    if (first === structs.length) continue
    const clock = Math.max(from, structs[first]!.id.clock)
    encoding.writeVarUint(out, structs.length - first)
    encoder.writeClient(client)
    encoding.writeVarUint(out, clock)
    const start = encoding.length(out)
    structs[first]!.write(encoder, clock - structs[first]!.id.clock)
    for (let index = first + 1; index < structs.length; index++) structs[index]!.write(encoder, 0)
    const last = structs[structs.length - 1]!
    written.push({ client, count: structs.length - first, from: clock, to: last.id.clock + last.length, start, end: encoding.length(out) })
  }
  return written
}

/** The index of the first struct that holds clocks from `from` on; it may start before `from`. */
function firstNew({ structs, from }: ClientStructs): number {
  let first = 0
  while (first < structs.length && structs[first]!.id.clock + structs[first]!.length <= from) first++
  return first
}

/**
 * Clients in descending order, as Yjs writes them, so that equal delete sets are equal bytes.
 * In V1 a range is two varuints, as Yjs's DSEncoderV1 writes it.
 */
export function writeDeletions(encoder: encoding.Encoder, deletions: Deletions): void {
  encoding.writeVarUint(encoder, deletions.clients.size)
  const clients = [...deletions.clients.keys()].sort((a, b) => b - a)
  for (const client of clients) {
    const ranges = deletions.clients.get(client)!
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, ranges.length)
    for (const { clock, len } of ranges) {
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarUint(encoder, len)
    }
  }
}
