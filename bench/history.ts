/**
 * Version history on the automerge-paper trace (259,778 edits, 104,852 characters at the end)
 * with 100 versions recorded evenly through it (support/versioned-document.ts): two people
 * typing in turns of 500 edits, the server's clock advancing 200 ms per edit, every transaction
 * in the attribution index, and each version recorded by the server's own History into a real
 * FileStore.
 *
 * Measured, as the routes in server/http/versions.ts do it without the HTTP around them:
 * opening a version (`History.point`, which reads the record and decodes the chain of relative
 * snapshots, then `readVersion` and the JSON), comparing the midpoint with the end
 * (`compareVersions`), listing the versions (`History.read` and `versionJson`), and what each
 * stored snapshot weighs. Then the same over HTTP on a real server process, where a stock client
 * typed the trace and the owner named 100 versions (support/served-history.ts).
 *
 * Baseline: raw Yjs `Y.createDocFromSnapshot` for the same versions, run on a copy of the
 * document, since it splits the live document's items at the snapshot's edges and so would
 * change what the history code reads next.
 */
import type { JSONContent } from '@tiptap/core'
import { readFile, stat } from 'node:fs/promises'
import * as Y from 'yjs'
import { readContent, createDocumentModel } from '../server/documents/content'
import { decodeChain } from '../server/history/snapshots'
import { compareVersions, readVersion } from '../server/history/version-reader'
import type { StoredVersion } from '../server/history/version-model'
import { versionJson } from '../server/http/versions'
import { loadTrace } from '../test/support/traces'
import { median, ms, percentile, timeRuns, type Benchmark, type Result } from './support'
import { servedHistory } from './support/served-history'
import { textOf, versionedDocument, type VersionedDocument } from './support/versioned-document'

const VERSIONS = 100
const MIDPOINT = VERSIONS / 2 - 1
const LAST = VERSIONS - 1
const RUNS = 50
/** Listing is cheap: more runs for a steadier p95. */
const LIST_RUNS = 200
/** Untimed runs first, so that the first figure measured does not include compiling the code. */
const WARMUPS = 10
/** The targets. */
const OPEN_TARGET_MS = 100
const COMPARE_TARGET_MS = 100
const LIST_TARGET_MS = 20
const STORED_TARGET_BYTES = 10_000

export const history: Benchmark = {
  name: 'history',
  description: 'opening, comparing and listing 100 versions of automerge-paper, and what each stores',
  async run() {
    const trace = loadTrace('automerge-paper')
    const versioned = await versionedDocument(trace, { versions: VERSIONS, people: ['ada', 'ben'], turn: 500, msPerEdit: 200 })
    const results: Result[] = []
    try {
      const { versions } = await versioned.history.read(versioned.documentId)
      if (versions.length !== VERSIONS) throw new Error(`${versions.length} versions were recorded, not ${VERSIONS}`)
      if (textOf(readVersion(versioned.room.doc, decodeChain(versions.map((version) => version.snapshot))[LAST]!)) !== trace.endContent) {
        throw new Error('the last version does not hold the trace’s final text')
      }
      results.push(...(await inProcess(versioned, versions)))
    } finally {
      await versioned.close()
    }
    results.push(...(await overHttp()))
    return results
  },
}

async function inProcess(versioned: VersionedDocument, versions: readonly StoredVersion[]): Promise<Result[]> {
  const { room, attribution, history, documentId } = versioned
  const model = createDocumentModel()
  const chain = decodeChain(versions.map((version) => version.snapshot))
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc))
  const rawOpen = (index: number) => Y.createDocFromSnapshot(copy, chain[index]!)
  const results: Result[] = []

  for (const [label, index] of [['midpoint', MIDPOINT], ['last', LAST]] as const) {
    const version = versions[index]!
    const old = rawOpen(index)
    const expected = textOf(readContent(model, old).toJSON() as JSONContent)
    old.destroy()
    if (textOf(readVersion(room.doc, chain[index]!)) !== expected) throw new Error(`version ${version.number}: readVersion and Y.createDocFromSnapshot disagree`)
    const open = await timeAsync(async () => {
      const point = await history.point(room, version.id)
      JSON.stringify(readVersion(room.doc, point.snapshot))
    }, RUNS)
    const raw = timeRuns(() => rawOpen(index).destroy(), RUNS, WARMUPS)
    const rawRead = timeRuns(() => {
      const doc = rawOpen(index)
      JSON.stringify(readContent(model, doc).toJSON())
      doc.destroy()
    }, RUNS, WARMUPS)
    results.push(
      row(
        `open version ${version.number} (${label}, ${expected.length.toLocaleString('en-US')} chars) to JSON, p50 / p95`,
        spread(open),
        `createDocFromSnapshot ${spread(raw)}; + readContent ${spread(rawRead)}`,
        `≤ ${OPEN_TARGET_MS} ms`,
        percentile(open, 0.95) <= OPEN_TARGET_MS,
      ),
    )
  }

  const [earlier, later] = [versions[MIDPOINT]!, versions[LAST]!]
  const compare = await timeAsync(async () => {
    const from = await history.point(room, earlier.id)
    const to = await history.point(room, later.id)
    JSON.stringify(compareVersions(room.doc, attribution, from.snapshot, from.at, to.snapshot))
  }, RUNS)
  const compareOnly = timeRuns(() => compareVersions(room.doc, attribution, chain[MIDPOINT]!, earlier.at, chain[LAST]!), RUNS, WARMUPS)
  const rawBoth = timeRuns(() => {
    rawOpen(MIDPOINT).destroy()
    rawOpen(LAST).destroy()
  }, RUNS, WARMUPS)
  const decode = timeRuns(() => decodeChain(versions.map((version) => version.snapshot)), RUNS)
  console.error(`  compareVersions alone p50 ${ms(median(compareOnly))}; decodeChain of ${VERSIONS} versions p50 ${ms(median(decode))}`)
  results.push(
    row(
      `compare version ${earlier.number} with ${later.number} to JSON, p50 / p95`,
      spread(compare),
      `createDocFromSnapshot of both ${spread(rawBoth)}`,
      `≤ ${COMPARE_TARGET_MS} ms`,
      percentile(compare, 0.95) <= COMPARE_TARGET_MS,
    ),
  )

  const list = await timeAsync(async () => {
    JSON.stringify((await history.read(documentId)).versions.map(versionJson))
  }, LIST_RUNS)
  const parse = await timeAsync(async () => {
    JSON.parse(await readFile(versioned.historyFile, 'utf8'))
  }, LIST_RUNS)
  results.push(
    row(
      `list ${VERSIONS} versions (History.read + versionJson), p50 / p95`,
      spread(list),
      `reading and parsing the history file ${spread(parse)}`,
      `≤ ${LIST_TARGET_MS} ms`,
      percentile(list, 0.95) <= LIST_TARGET_MS,
    ),
  )

  const stored = versions.map((version) => version.snapshot.length)
  const raw = versions.map((version) => Buffer.from(version.snapshot, 'base64').length)
  const full = chain.map((snapshot) => Y.encodeSnapshot(snapshot).length)
  const fileSize = (await stat(versioned.historyFile)).size
  results.push(
    row(
      'stored snapshot per version, base64 (raw bytes), mean / max',
      `${bytes(mean(stored))} (${bytes(mean(raw))}) / ${bytes(Math.max(...stored))} (${bytes(Math.max(...raw)).replace(' B', '')})`,
      `full Y.encodeSnapshot ${bytes(mean(full))} / ${bytes(Math.max(...full))}`,
      `≤ ${STORED_TARGET_BYTES / 1000} KB`,
      Math.max(...stored) <= STORED_TARGET_BYTES,
    ),
    row(`history file with ${VERSIONS} versions`, bytes(fileSize), `Yjs state ${bytes(Y.encodeStateAsUpdate(room.doc).length)}`),
  )
  copy.destroy()
  return results
}

/** The same on a real server over HTTP, as the owner: what a browser waits for. */
async function overHttp(): Promise<Result[]> {
  const served = await servedHistory(loadTrace('automerge-paper'), VERSIONS)
  try {
    const document = `/documents/${served.documentId}`
    // The server records a first version of its own when the new document loads: the text it starts from.
    const listed = (JSON.parse(await served.get(`${document}/versions`)) as { versions: unknown[] }).versions.length
    if (listed !== VERSIONS + 1) throw new Error(`the server lists ${listed} versions, not ${VERSIONS + 1}`)
    const [earlier, later] = [served.versionIds[MIDPOINT]!, served.versionIds[LAST]!]
    const floor = await timeAsync(() => served.get(document), LIST_RUNS)
    const list = await timeAsync(() => served.get(`${document}/versions`), LIST_RUNS)
    const open = await timeAsync(() => served.get(`${document}/versions/${earlier}`), RUNS)
    const compare = await timeAsync(() => served.get(`${document}/compare?from=${earlier}&to=${later}`), RUNS)
    const baseline = `GET the document’s metadata ${spread(floor)}`
    return [
      row(`GET …/versions (${listed}) over HTTP, p50 / p95`, spread(list), baseline, `≤ ${LIST_TARGET_MS} ms`, percentile(list, 0.95) <= LIST_TARGET_MS),
      row(`GET …/versions/:vid (the ${MIDPOINT + 1}th named) over HTTP, p50 / p95`, spread(open), baseline, `≤ ${OPEN_TARGET_MS} ms`, percentile(open, 0.95) <= OPEN_TARGET_MS),
      row(`GET …/compare (${MIDPOINT + 1}th → ${LAST + 1}th named) over HTTP, p50 / p95`, spread(compare), baseline, `≤ ${COMPARE_TARGET_MS} ms`, percentile(compare, 0.95) <= COMPARE_TARGET_MS),
    ]
  } finally {
    await served.close()
  }
}

/** Like timeRuns, for work that awaits (the store's reads). */
async function timeAsync(work: () => Promise<unknown>, runs: number, warmups = WARMUPS): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await work()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    samples.push(performance.now() - start)
  }
  return samples
}

function row(figure: string, value: string, baseline: string, target = '—', met = true): Result {
  return { benchmark: 'history', figure, value, baseline, target, met }
}

const spread = (samples: readonly number[]) => `${ms(median(samples)).replace(' ms', '')} / ${ms(percentile(samples, 0.95))}`
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
const bytes = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} KB` : `${Math.round(value).toLocaleString('en-US')} B`)
