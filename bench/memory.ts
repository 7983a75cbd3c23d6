/**
 * memory: what an idle document and an idle connection cost the server, and whether the
 * server gives memory back after many clients have come and gone.
 *
 * 1,000 small documents are created, then opened by one connection each, then by two more
 * each. RSS and heap are read inside the server (bench/support/probe.ts) after collecting
 * garbage: the growth from the first step is per document (with its first connection), from
 * the second per connection (the baseline is read after 200 of them were opened and closed once,
 * see run()). Then every connection closes and every document unloads: the heap must be within
 * 10% of that baseline. Then 10,000 connections each open
 * one of the documents, sync and close, 50 at a time; afterwards the heap must be back where
 * it was before the cycles.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../model/schema/extensions'
import { startCoffeehouse, type Benchmark, type ServerProcess } from './support'
import { untilIdle } from './support/health'
import type { ProbeResponse } from './support/probe-messages'
import { connectPeer, openWritableDocument, type Peer } from './support/peers'

const DOCUMENTS = 1_000
/** Documents opened and closed before the baseline is read (see run()). */
const WARM_UP_DOCUMENTS = 200
const CYCLES = 10_000
const CONCURRENT_CYCLES = 50
const TARGET_BYTES_PER_DOCUMENT = 100 * 1000
/** How far the heap may end above where it started: allocator and JIT noise, not a leak that grows with cycles. */
const HEAP_TOLERANCE_BYTES = 1024 * 1024

/** A few short paragraphs, as a new policy paper has in its first hour. */
const SMALL_TEXT = ['Housing is a right, not an investment.', 'Every tenant gets a say in the building they live in.', 'Rents follow what maintenance costs, not what the market bears.']

async function createDocuments(server: ServerProcess): Promise<string[]> {
  const first = await openWritableDocument(server, 'memory')
  const ids = [first.documentId]
  for (let index = 1; index < DOCUMENTS; index++) ids.push((await openWritableDocument(server, `memory ${index}`, first.cookie)).documentId)
  // Each gets its text from a writer, so each has an attribution index like a real one.
  await inBatches(ids, async (documentId) => {
    const writer = connectPeer(server, documentId, first.cookie)
    await writer.synced()
    writer.doc.transact(() => {
      const fragment = writer.doc.getXmlFragment(DOCUMENT_FRAGMENT)
      fragment.delete(0, fragment.length)
      fragment.insert(0, SMALL_TEXT.map((line) => {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(line)])
        return paragraph
      }))
    })
    const check = connectPeer(server, documentId)
    await check.synced()
    check.destroy()
    writer.destroy()
  })
  await untilIdle(server)
  return ids
}

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>, size = CONCURRENT_CYCLES): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: size }, worker))
}

/** Connects in batches: a thousand simultaneous handshakes would leave the allocator larger than what stays in use. */
async function connectAll(server: ServerProcess, ids: readonly string[]): Promise<Peer[]> {
  const peers: Peer[] = []
  await inBatches(ids, async (documentId) => {
    const peer = connectPeer(server, documentId)
    peers.push(peer)
    await peer.synced()
  })
  return peers
}

/**
 * RSS without V8's young generation: V8 resizes that by megabytes with the allocation rate, which would
 * drown what a thousand documents hold. Everything that survives a collection is counted.
 */
const resident = (sample: ProbeResponse) => sample.rssBytes - sample.youngGenerationBytes
const memoryOf = async (server: ServerProcess) => server.probe('sample', { collectGarbage: true })
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`

export const memory: Benchmark = {
  name: 'memory',
  description: `${DOCUMENTS.toLocaleString('en')} idle documents × 3 connections, then ${CYCLES.toLocaleString('en')} connect/disconnect cycles`,
  async run() {
    // Writing a thousand documents leaves the allocator larger than what the server holds, so the
    // documents are measured by a second server started on the same data directory.
    const dataDir = await mkdtemp(path.join(tmpdir(), 'coffeehouse-bench-memory-'))
    const writing = await startCoffeehouse({ DATA_DIR: dataDir })
    const ids = await createDocuments(writing).finally(() => writing.stop())
    const server = await startCoffeehouse({ DATA_DIR: dataDir })
    try {
      // Some documents opened and closed first: V8 compiles and optimises the code every document
      // runs over the first few hundred connections (measured: about 1 MiB of compiled code and
      // 1 MiB of V8's own data in old space, growing less and less, none of it per document), which
      // is the server's own, not what a thousand documents hold or fail to give back.
      await inBatches(ids.slice(0, WARM_UP_DOCUMENTS), async (documentId) => {
        const peer = connectPeer(server, documentId)
        await peer.synced()
        peer.destroy()
      })
      await untilIdle(server)
      const empty = await memoryOf(server)
      const first = await connectAll(server, ids)
      const oneEach = await memoryOf(server)
      const more = await connectAll(server, [...ids, ...ids])
      const threeEach = await memoryOf(server)
      for (const peer of [...first, ...more]) peer.destroy()
      await untilIdle(server)
      const before = await memoryOf(server)

      const cycle = async (index: number) => {
        const peer = connectPeer(server, ids[index % ids.length]!)
        await peer.synced()
        peer.destroy()
      }
      await inBatches(Array.from({ length: CYCLES }, (_, index) => index), cycle)
      await untilIdle(server)
      const after = await memoryOf(server)

      // RSS moves in allocator-sized steps, so the per-document figure is taken over the largest step: from no
      // document open to every document open with its three connections.
      const perDocument = (resident(threeEach) - resident(empty)) / DOCUMENTS
      const perConnection = (resident(threeEach) - resident(oneEach)) / (2 * DOCUMENTS)
      const heapPerConnection = (threeEach.heapUsedBytes - oneEach.heapUsedBytes) / (2 * DOCUMENTS)
      const heapPerDocument = (oneEach.heapUsedBytes - empty.heapUsedBytes) / DOCUMENTS - heapPerConnection
      const baseline = `server at rest: RSS ${mib(resident(empty))}, heap ${mib(empty.heapUsedBytes)}`
      const heapGrowth = after.heapUsedBytes - before.heapUsedBytes
      const unloadedGrowth = before.heapUsedBytes / empty.heapUsedBytes - 1
      return [
        { benchmark: 'memory', figure: 'RSS per idle document with its 3 connections', value: kb(perDocument), baseline, target: '≤ 100 KB', met: perDocument <= TARGET_BYTES_PER_DOCUMENT },
        { benchmark: 'memory', figure: 'per idle connection: RSS, heap', value: `${kb(perConnection)}, ${kb(heapPerConnection)}`, baseline, target: '—', met: true },
        { benchmark: 'memory', figure: 'heap per idle document (without connections)', value: kb(heapPerDocument), baseline, target: '—', met: true },
        {
          benchmark: 'memory',
          figure: `heap after all ${DOCUMENTS.toLocaleString('en')} documents were opened and closed`,
          value: `${mib(before.heapUsedBytes)} (${unloadedGrowth >= 0 ? '+' : '−'}${(Math.abs(unloadedGrowth) * 100).toFixed(1)}%)`,
          baseline: `at rest after ${WARM_UP_DOCUMENTS} were opened and closed ${mib(empty.heapUsedBytes)}`,
          target: 'within 10%',
          met: unloadedGrowth <= 0.1,
        },
        {
          benchmark: 'memory',
          figure: `heap after ${CYCLES.toLocaleString('en')} connect/disconnect cycles`,
          value: `${mib(after.heapUsedBytes)} (${heapGrowth >= 0 ? '+' : '−'}${kb(Math.abs(heapGrowth))})`,
          baseline: `before the cycles ${mib(before.heapUsedBytes)}`,
          target: 'back to before (± 1 MiB)',
          met: heapGrowth <= HEAP_TOLERANCE_BYTES,
        },
      ]
    } finally {
      await server.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  },
}
