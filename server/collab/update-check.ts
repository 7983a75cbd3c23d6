/**
 * Checks a client's Yjs update against the live document before it is applied.
 *
 * Yjs applies an update struct by struct and can throw halfway, leaving a
 * document that is partly changed; and an update whose references point nowhere
 * is parked as "pending" forever. So an update is decoded without touching the
 * document and refused unless every struct and deletion can be integrated at once:
 *
 *   - it decodes completely, and holds no Skip structs (gaps) or subdocuments;
 *   - each client's structs come in one section, as Yjs reads only one per client;
 *   - each client's structs continue from what the server has, without a gap;
 *   - every origin, right origin and parent names something that exists, either in
 *     the document or earlier in this update (same-client references point back);
 *   - a parent is a shared type, or a root type the schema allows;
 *   - deletions cover only content that exists.
 *
 * What was checked is what gets applied: the decoded structs are written out again
 * as a canonical update, one section per client. Applying the client's own bytes
 * instead would let Yjs read them differently (it keeps only the last section of a
 * client that appears twice, and ignores trailing bytes).
 *
 * The work is proportional to the size of the update, not of the document.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export class InvalidUpdateError extends Error {
  override name = 'InvalidUpdateError'
}

export interface CheckedUpdate {
  /** The canonical re-encoding of what was checked: apply this, not the client's bytes. */
  readonly bytes: Uint8Array
  /** False when applying it would change nothing, like the empty sync step 2 every client sends on joining. */
  readonly changesDocument: boolean
  /** The client ids under which it adds content the document does not have yet. */
  readonly writers: ReadonlySet<number>
}

type Struct = Y.Item | Y.GC

interface UpdateIndex {
  /** Per client: the clock after everything the document and this update hold. */
  ends: Map<number, number>
  /** Per client: this update's structs, in clock order. */
  structs: Map<number, Struct[]>
}

/** Returns the update to apply, re-encoded from what was checked. Throws InvalidUpdateError. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, allowedRoots: ReadonlySet<string>): CheckedUpdate {
  const { structs, ds } = decode(update)
  const index = indexStructs(doc, structs)
  for (const struct of structs) {
    // Even structs the document already has are checked: Yjs resolves their references before it skips them.
    if (!(struct instanceof Y.Item)) continue
    if (struct.content instanceof Y.ContentDoc) throw new InvalidUpdateError('subdocuments are not supported')
    checkReference(doc, index, struct, struct.origin, 'origin')
    checkReference(doc, index, struct, struct.rightOrigin, 'right origin')
    checkParent(doc, index, struct, allowedRoots)
  }
  for (const [client, deletions] of ds.clients) {
    const end = endOf(doc, index, client)
    for (const { clock, len } of deletions) {
      if (len <= 0 || clock + len > end) {
        throw new InvalidUpdateError(`deletes content that does not exist (client ${client}, clocks ${clock}-${clock + len})`)
      }
    }
  }
  const writers = writersOf(doc, index)
  return { bytes: encodeCanonical(index, ds), changesDocument: writers.size > 0 || deletesSomething(doc, ds), writers }
}

function writersOf(doc: Y.Doc, index: UpdateIndex): Set<number> {
  const writers = new Set<number>()
  for (const [client, end] of index.ends) if (end > Y.getState(doc.store, client)) writers.add(client)
  return writers
}

/** True if a deletion covers an item that is not deleted yet. Items new in the update count as additions already. */
function deletesSomething(doc: Y.Doc, ds: ReturnType<typeof Y.decodeUpdate>['ds']): boolean {
  for (const [client, deletions] of ds.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    const known = Y.getState(doc.store, client)
    for (const { clock, len } of deletions) {
      const end = Math.min(clock + len, known)
      if (clock >= end) continue
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
        const struct = structs[i]
        if (struct instanceof Y.Item && !struct.deleted) return true
      }
    }
  }
  return false
}

function decode(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update)
  } catch (error) {
    throw new InvalidUpdateError(`undecodable update: ${(error as Error).message}`)
  }
}

function indexStructs(doc: Y.Doc, structs: Array<Struct | Y.Skip>): UpdateIndex {
  const index: UpdateIndex = { ends: new Map(), structs: new Map() }
  for (const struct of structs) {
    if (struct instanceof Y.Skip) throw new InvalidUpdateError('the update has a gap (a Skip struct)')
    const { client, clock } = struct.id
    const previous = index.structs.get(client)?.at(-1)
    if (previous && previous.id.clock + previous.length !== clock) {
      throw new InvalidUpdateError(`client ${client} appears twice in the update, out of order`)
    }
    const end = endOf(doc, index, client)
    if (clock > end) {
      throw new InvalidUpdateError(`the update skips clocks ${end}-${clock - 1} of client ${client}`)
    }
    index.ends.set(client, Math.max(end, clock + struct.length))
    const list = index.structs.get(client)
    if (list) list.push(struct)
    else index.structs.set(client, [struct])
  }
  return index
}

function endOf(doc: Y.Doc, index: UpdateIndex, client: number): number {
  return index.ends.get(client) ?? Y.getState(doc.store, client)
}

function checkReference(doc: Y.Doc, index: UpdateIndex, item: Y.Item, id: Y.ID | null, role: string): void {
  if (id === null) return
  const exists =
    id.client === item.id.client ? id.clock < item.id.clock : id.clock < endOf(doc, index, id.client)
  if (!exists) {
    throw new InvalidUpdateError(`the ${role} of ${describe(item.id)} does not exist (${describe(id)})`)
  }
}

function checkParent(doc: Y.Doc, index: UpdateIndex, item: Y.Item, allowedRoots: ReadonlySet<string>): void {
  // Decoded without a document, a root parent is its name and a nested parent is the ID of its type's item.
  const parent = item.parent as unknown
  if (parent === null) return
  if (typeof parent === 'string') {
    if (!allowedRoots.has(parent)) throw new InvalidUpdateError(`the root type "${parent}" is not part of the schema`)
    return
  }
  if (!(parent instanceof Y.ID)) throw new InvalidUpdateError(`${describe(item.id)} has an unreadable parent`)
  checkReference(doc, index, item, parent, 'parent')
  const container = findStruct(doc, index, parent)
  // A GC'd parent is fine: the child is discarded as deleted content.
  if (container instanceof Y.Item && !(container.content instanceof Y.ContentType)) {
    throw new InvalidUpdateError(`the parent of ${describe(item.id)} is not a shared type`)
  }
}

function findStruct(doc: Y.Doc, index: UpdateIndex, id: Y.ID): Struct | undefined {
  if (id.clock < Y.getState(doc.store, id.client)) return Y.getItem(doc.store, id) as Struct
  const list = index.structs.get(id.client)
  return list?.[Y.findIndexSS(list, id.clock)]
}

const describe = (id: Y.ID) => `${id.client}:${id.clock}`

function encodeCanonical(index: UpdateIndex, ds: ReturnType<typeof Y.decodeUpdate>['ds']): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, index.structs.size)
  for (const [client, structs] of index.structs) {
    encoding.writeVarUint(encoder.restEncoder, structs.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, structs[0]?.id.clock ?? 0)
    for (const struct of structs) struct.write(encoder, 0)
  }
  encoding.writeVarUint(encoder.restEncoder, ds.clients.size)
  for (const [client, deletions] of ds.clients) {
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, deletions.length)
    for (const { clock, len } of deletions) {
      encoder.writeDsClock(clock)
      encoder.writeDsLen(len)
    }
  }
  return encoder.toUint8Array()
}
