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
 *   - each item that adds content is content the document's shape allows where it is
 *     (content-shape.ts): the schema, checked for every sender, whatever their role;
 *   - deletions cover only content that exists.
 *
 * What was checked is what gets applied: the decoded structs are written out again
 * as a canonical update, one section per client. Applying the client's own bytes
 * instead would let Yjs read them differently (it keeps only the last section of a
 * client that appears twice, and ignores trailing bytes). Structs the document already
 * has are left out, and one it has in part is cut to the part it lacks, so that the same
 * struct section is what the room stores and relays (update-encoding.ts): a client
 * reconnecting with everything it ever wrote costs the log nothing it already holds.
 *
 * The work is proportional to the size of the update, not of the document.
 */
import * as Y from 'yjs'
import type { ContentShape, ItemPlace } from './content-shape'
import { encodeStructSection, encodeUpdate, type StructSection } from './update-encoding'

export class InvalidUpdateError extends Error {
  override name = 'InvalidUpdateError'
}

/**
 * The update builds on content the document does not have yet: it continues a client's clocks
 * past a gap, names an item that is not there, or deletes one. Another update on its way may bring
 * it (a client sends what it typed offline as it reconnects, before its sync step 2), so the room
 * holds such an update rather than refusing it (held-updates.ts).
 */
export class MissingDependencyError extends InvalidUpdateError {
  override name = 'MissingDependencyError'
}

/** The update is well formed, but puts content where the document's schema does not allow it. */
export class SchemaViolationError extends InvalidUpdateError {
  override name = 'SchemaViolationError'
}

export interface CheckedUpdate {
  /** The canonical re-encoding of what was checked: apply this, not the client's bytes. */
  readonly bytes: Uint8Array
  /** The struct section of `bytes`: the structs the document lacks, as the room stores them (update-encoding.ts). */
  readonly structSection: StructSection
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
  /** Where each item of the update goes, once worked out (see placementOf). */
  placements: Map<Y.Item, Placement | null>
}

/** Returns the update to apply, re-encoded from what was checked. Throws InvalidUpdateError. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, shape: ContentShape): CheckedUpdate {
  return checkUpdates(doc, [update], shape)
}

/**
 * Checks updates that one client sent one after another as if they were one: the second may
 * build on the first (continue its clocks, name its items, delete them), and one canonical
 * update holds them all. Throws InvalidUpdateError if the whole is not valid, which it is
 * not if one of them is not, or if two of them overlap (a client resending what it sent
 * just before); the caller then checks them one by one.
 */
export function checkUpdates(doc: Y.Doc, updates: readonly Uint8Array[], shape: ContentShape): CheckedUpdate {
  const { structs, ds } = updates.length === 1 ? decodeOrRefuse(updates[0]!) : decodeAll(updates)
  const index = indexStructs(doc, structs)
  for (const struct of structs) {
    // Even structs the document already has are checked: Yjs resolves their references before it skips them.
    if (!(struct instanceof Y.Item)) continue
    if (struct.content instanceof Y.ContentDoc) throw new InvalidUpdateError('subdocuments are not supported')
    checkReference(doc, index, struct, struct.origin, 'origin')
    checkReference(doc, index, struct, struct.rightOrigin, 'right origin')
    const place = checkParent(doc, index, struct, shape.roots)
    if (place && addsContent(doc, struct)) {
      const refusal = shape.refusal(struct, place)
      if (refusal !== null) throw new SchemaViolationError(`the document's schema does not allow this: ${refusal}`)
    }
  }
  for (const [client, deletions] of ds.clients) {
    const end = endOf(doc, index, client)
    for (const { clock, len } of deletions) {
      if (len <= 0) throw new InvalidUpdateError(`deletes an empty range (client ${client}, clock ${clock})`)
      if (clock + len > end) {
        throw new MissingDependencyError(`deletes content that does not exist (client ${client}, clocks ${clock}-${clock + len})`)
      }
    }
  }
  const writers = writersOf(doc, index)
  const structSection = encodeStructSection([...index.structs].map(([client, structs]) => ({ client, structs, from: Y.getState(doc.store, client) })))
  return { bytes: encodeUpdate(structSection.bytes, ds), structSection, changesDocument: writers.size > 0 || deletesSomething(doc, ds), writers }
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

/** Decodes an update without applying it; throws InvalidUpdateError when it cannot be decoded. */
export function decodeOrRefuse(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  try {
    return Y.decodeUpdate(update)
  } catch (error) {
    throw new InvalidUpdateError(`undecodable update: ${(error as Error).message}`)
  }
}

function decodeAll(updates: readonly Uint8Array[]): ReturnType<typeof Y.decodeUpdate> {
  const decoded = updates.map(decodeOrRefuse)
  return { structs: decoded.flatMap(({ structs }) => structs), ds: Y.mergeDeleteSets(decoded.map(({ ds }) => ds)) }
}

function indexStructs(doc: Y.Doc, structs: Array<Struct | Y.Skip>): UpdateIndex {
  const index: UpdateIndex = { ends: new Map(), structs: new Map(), placements: new Map() }
  for (const struct of structs) {
    if (struct instanceof Y.Skip) throw new InvalidUpdateError('the update has a gap (a Skip struct)')
    const { client, clock } = struct.id
    const previous = index.structs.get(client)?.at(-1)
    if (previous && previous.id.clock + previous.length !== clock) {
      throw new InvalidUpdateError(`client ${client} appears twice in the update, out of order`)
    }
    const end = endOf(doc, index, client)
    if (clock > end) {
      throw new MissingDependencyError(`the update skips clocks ${end}-${clock - 1} of client ${client}`)
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
    throw new MissingDependencyError(`the ${role} of ${describe(item.id)} does not exist (${describe(id)})`)
  }
}

/** Where an item's parent is written in an update: a root's name, the ID of its type's item, or, in the document, the type. */
interface Placement {
  parent: string | Y.ID | Y.AbstractType<any>
  key: string | null
}

/**
 * Where the item goes: null when that is nowhere that matters (a GC'd parent or neighbour,
 * whose children Yjs discards as deleted content).
 */
function checkParent(doc: Y.Doc, index: UpdateIndex, item: Y.Item, allowedRoots: ReadonlySet<string>): ItemPlace | null {
  const placement = placementOf(doc, index, item)
  if (placement === null) return null
  const { parent, key } = placement
  if (typeof parent === 'string') {
    if (!allowedRoots.has(parent)) throw new InvalidUpdateError(`the root type "${parent}" is not part of the schema`)
    return { root: parent, key }
  }
  if (!(parent instanceof Y.ID)) {
    if (parent._item !== null) return { type: parent, key }
    const root = [...doc.share].find(([, type]) => type === parent)?.[0]
    if (root === undefined || !allowedRoots.has(root)) throw new InvalidUpdateError(`${describe(item.id)} is in a root type that is not part of the schema`)
    return { root, key }
  }
  checkReference(doc, index, item, parent, 'parent')
  const container = findStruct(doc, index, parent)
  if (!(container instanceof Y.Item)) return null
  if (!(container.content instanceof Y.ContentType)) {
    throw new InvalidUpdateError(`the parent of ${describe(item.id)} is not a shared type`)
  }
  return { type: container.content.type, key }
}

/**
 * An item written after or before a neighbour carries no parent in the update: Yjs gives it
 * its neighbour's parent and key when it integrates it. So the placement is found the same
 * way, through the chain of neighbours; each item's is remembered, so a run of typing costs
 * one step per item, not one per item before it.
 */
function placementOf(doc: Y.Doc, index: UpdateIndex, item: Y.Item): Placement | null {
  const chain: Y.Item[] = []
  let found: Placement | null = null
  for (let current: Y.Item | undefined = item; current !== undefined; ) {
    const known = index.placements.get(current)
    if (known !== undefined) {
      found = known
      break
    }
    if (current.parent !== null) {
      found = { parent: current.parent as Placement['parent'], key: current.parentSub }
      break
    }
    chain.push(current)
    const neighbourId: Y.ID | null = current.origin ?? current.rightOrigin
    const neighbour: Struct | undefined = neighbourId === null ? undefined : findStruct(doc, index, neighbourId)
    // A GC'd neighbour, or one that leads back into the chain (Yjs cannot integrate that either).
    current = neighbour instanceof Y.Item && !chain.includes(neighbour) ? neighbour : undefined
  }
  for (const link of chain) index.placements.set(link, found)
  return found
}

/** False for an item the document has whole: Yjs skips it, so it cannot add anything. */
function addsContent(doc: Y.Doc, item: Y.Item): boolean {
  return item.id.clock + item.length > Y.getState(doc.store, item.id.client)
}

function findStruct(doc: Y.Doc, index: UpdateIndex, id: Y.ID): Struct | undefined {
  if (id.clock < Y.getState(doc.store, id.client)) return Y.getItem(doc.store, id) as Struct
  const list = index.structs.get(id.client)
  return list?.[Y.findIndexSS(list, id.clock)]
}

const describe = (id: Y.ID) => `${id.client}:${id.clock}`
