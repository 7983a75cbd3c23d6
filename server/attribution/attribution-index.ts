/**
 * The server's record of who wrote and who deleted every part of a document.
 *
 * Yjs names each piece of content by (client id, clock). The index binds each
 * client id to the person whose connection first wrote under it (attribution-extension.ts refuses
 * anyone else), and keeps, per client id, runs of clocks with who inserted them and
 * when, and runs with who deleted them and when. It is filled from each transaction
 * as the server applies it, with the time of the server's clock, so nothing a
 * client claims about itself is taken on trust.
 *
 * It is kept beside the Y.Doc in each room, rebuilt from the log's change records on
 * load, and stored whole in every snapshot (see persistence.ts).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { findCarriedText, type CarriedSpan } from './carried-text'
import { RunList, type Run } from './runs'

const FORMAT = 1

export interface Activity {
  first: number
  last: number
}

export class AttributionIndex {
  /** Client id → the person it is bound to (null: the server's own text). */
  private readonly owners = new Map<number, string | null>()
  private readonly insertions = new Map<number, RunList>()
  private readonly deletions = new Map<number, RunList>()

  /** May `person` add content under `client`? Only its owner may, and nobody may write under the server's ids. */
  /** True when someone's writing under `client` has been recorded here. */
  isBound(client: number): boolean {
    return this.owners.has(client)
  }

  mayWrite(doc: Y.Doc, client: number, person: string | null): boolean {
    if (this.owners.has(client)) return person !== null && this.owners.get(client) === person
    // Content without an owner (from before attribution was recorded) stays unclaimable.
    return Y.getState(doc.store, client) === 0
  }

  /** Records what `transaction` inserted and deleted as done by `person` at `time`. */
  record(transaction: Y.Transaction, person: string | null, time: number): void {
    const carried = findCarriedText(transaction, (client) => this.insertions.get(client))
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0
      if (after <= before) continue
      if (!this.owners.has(client)) this.owners.set(client, person)
      const list = listOf(this.insertions, client)
      let clock = before
      for (const span of carried.inserted.filter((span) => span.client === client).sort(byClock)) {
        if (span.clock > clock) list.fill(clock, span.clock, person, time, false)
        list.fill(span.clock, span.clock + span.len, span.person, span.time, true)
        clock = span.clock + span.len
      }
      if (clock < after) list.fill(clock, after, person, time, false)
    }
    for (const [client, ranges] of transaction.deleteSet.clients) {
      const moved = carried.moved.filter((span) => span.client === client).sort(byClock)
      const list = listOf(this.deletions, client)
      for (const { clock, len } of ranges) recordDeletion(list, clock, clock + len, moved, person, time)
    }
  }

  insertionsOf(client: number): RunList | undefined {
    return this.insertions.get(client)
  }

  deletionsOf(client: number): RunList | undefined {
    return this.deletions.get(client)
  }

  /** Each person's first and last contribution: text they wrote or deleted, not text carried for them. */
  activity(): Map<string | null, Activity> {
    const activity = new Map<string | null, Activity>()
    for (const lists of [this.insertions, this.deletions]) {
      for (const list of lists.values()) {
        for (const run of list.runs) {
          if (run.carried) continue
          const known = activity.get(run.person)
          if (known) {
            known.first = Math.min(known.first, run.time)
            known.last = Math.max(known.last, run.until)
          } else activity.set(run.person, { first: run.time, last: run.until })
        }
      }
    }
    return activity
  }

  /** All owners and insertion runs, for clients that compute authorship of their own copy. */
  clients(): Iterable<[number, { owner: string | null | undefined; runs: readonly Run[] }]> {
    return [...this.insertions].map(([client, list]) => [client, { owner: this.owners.get(client), runs: list.runs }])
  }

  encode(): Uint8Array {
    const encoder = encoding.createEncoder()
    const people = new PeopleTable()
    encoding.writeVarUint(encoder, FORMAT)
    const body = encoding.createEncoder()
    encoding.writeVarUint(body, this.owners.size)
    for (const [client, owner] of this.owners) {
      encoding.writeVarUint(body, client)
      encoding.writeVarUint(body, people.indexOf(owner))
    }
    for (const lists of [this.insertions, this.deletions]) {
      encoding.writeVarUint(body, lists.size)
      for (const [client, list] of lists) {
        encoding.writeVarUint(body, client)
        encoding.writeVarUint(body, list.runs.length)
        for (const run of list.runs) {
          encoding.writeVarUint(body, run.start)
          encoding.writeVarUint(body, run.end - run.start)
          encoding.writeVarUint(body, people.indexOf(run.person))
          encoding.writeVarUint(body, run.time)
          encoding.writeVarUint(body, run.until - run.time)
          encoding.writeUint8(body, run.carried ? 1 : 0)
        }
      }
    }
    people.write(encoder)
    encoding.writeUint8Array(encoder, encoding.toUint8Array(body))
    return encoding.toUint8Array(encoder)
  }

  /** Fills an empty index from `encode`'s bytes. */
  restore(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes)
    const format = decoding.readVarUint(decoder)
    if (format !== FORMAT) throw new Error(`unknown attribution format ${format}`)
    const people = PeopleTable.read(decoder)
    for (let count = decoding.readVarUint(decoder); count > 0; count--) {
      this.owners.set(decoding.readVarUint(decoder), people.at(decoding.readVarUint(decoder)))
    }
    for (const lists of [this.insertions, this.deletions]) {
      for (let clients = decoding.readVarUint(decoder); clients > 0; clients--) {
        const list = listOf(lists, decoding.readVarUint(decoder))
        for (let runs = decoding.readVarUint(decoder); runs > 0; runs--) {
          const start = decoding.readVarUint(decoder)
          const end = start + decoding.readVarUint(decoder)
          const person = people.at(decoding.readVarUint(decoder))
          const time = decoding.readVarUint(decoder)
          const until = time + decoding.readVarUint(decoder)
          const carried = decoding.readUint8(decoder) === 1
          list.runs.push({ start, end, person, time, until, carried })
        }
      }
    }
  }
}

/** Person ids are written once; runs name them by number. Number 0 is "nobody" (the server). */
class PeopleTable {
  private readonly ids = new Map<string, number>()

  constructor(private readonly names: string[] = []) {
    names.forEach((name, index) => this.ids.set(name, index + 1))
  }

  static read(decoder: decoding.Decoder): PeopleTable {
    const names: string[] = []
    for (let count = decoding.readVarUint(decoder); count > 0; count--) names.push(decoding.readVarString(decoder))
    return new PeopleTable(names)
  }

  indexOf(person: string | null): number {
    if (person === null) return 0
    let index = this.ids.get(person)
    if (index === undefined) {
      this.names.push(person)
      index = this.names.length
      this.ids.set(person, index)
    }
    return index
  }

  at(index: number): string | null {
    if (index === 0) return null
    const name = this.names[index - 1]
    if (name === undefined) throw new Error(`person ${index} is not in the table`)
    return name
  }

  write(encoder: encoding.Encoder): void {
    encoding.writeVarUint(encoder, this.names.length)
    for (const name of this.names) encoding.writeVarString(encoder, name)
  }
}

function listOf(lists: Map<number, RunList>, client: number): RunList {
  let list = lists.get(client)
  if (!list) {
    list = new RunList()
    lists.set(client, list)
  }
  return list
}

const byClock = (a: CarriedSpan, b: CarriedSpan) => a.clock - b.clock

/** Records a deleted range, marking the parts that were carried elsewhere. */
function recordDeletion(list: RunList, start: number, end: number, moved: CarriedSpan[], person: string | null, time: number): void {
  let clock = start
  for (const span of moved) {
    const from = Math.max(clock, span.clock)
    const to = Math.min(end, span.clock + span.len)
    if (from >= to) continue
    if (from > clock) list.fill(clock, from, person, time, false)
    list.fill(from, to, person, time, true)
    clock = to
  }
  if (clock < end) list.fill(clock, end, person, time, false)
}
