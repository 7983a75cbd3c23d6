/**
 * authors: how many people can type in one document at once. N authors each type seph-blog1's
 * text into their own paragraph at 10 edits a second, with 3 readers per author watching;
 * N rises until the p99 propagation from an author to their readers goes above 50 ms, or an
 * edit does not arrive. The same ramp runs against the plain relay in the same run.
 *
 * Every author is a separate account, so the server checks and attributes each one's edits
 * as it would for real people. Each author's edits are timed at their own three readers
 * (bench/support/propagation.ts); every reader receives and applies everyone's edits.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../model/schema/extensions'
import { loadTrace } from '../test/support/traces'
import { ms, percentile, startCoffeehouse, startRelay, type Benchmark, type ServerProcess } from './support'
import { connectPeer, openWritableDocument, signUp, type Peer } from './support/peers'
import { PropagationClock } from './support/propagation'

const STEPS = [10, 20, 30, 40, 50, 75, 100, 125, 150]
const EDITS_PER_SECOND = 10
const TYPING_MS = 10_000
const READERS_PER_AUTHOR = 3
const TARGET_P99_MS = 50
const TARGET_AUTHORS = 100
/** How long the readers may take to catch up after the typing stops before an edit counts as lost. */
const CATCH_UP_MS = 30_000

interface Step {
  authors: number
  p99: number
  lost: number
  /** Share of one core the server used while the authors typed, and the same for this (the clients') process. */
  serverLoad: number
  clientLoad: number
}

/**
 * A new document that `cookies[0]` owns and every author maintains. Maintainers edit directly; on a
 * document merely open to contributions the others could only suggest, and the server would
 * refuse their plain typing (4422) as it refuses anyone's who may only suggest.
 */
async function openDocument(server: ServerProcess, name: string, cookies: readonly (string | undefined)[]): Promise<string> {
  const { documentId } = await openWritableDocument(server, name, cookies[0])
  if (server.kind === 'relay') return documentId
  for (const cookie of cookies.slice(1)) {
    const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie: cookie! } })).json()) as { user: { id: string } }
    const made = await fetch(`${server.url}/api/documents/${documentId}/members/${me.user.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: cookies[0]! },
      body: JSON.stringify({ role: 'maintainer' }),
    })
    if (!made.ok) throw new Error(`making an author a maintainer failed: ${made.status}`)
  }
  return documentId
}

/** Author k types the text from its own place in seph-blog1, one character per edit, at the end of their paragraph. */
function typist(peer: Peer, text: string, from: number) {
  const fragment = peer.doc.getXmlFragment(DOCUMENT_FRAGMENT)
  const paragraph = new Y.XmlElement('paragraph')
  const line = new Y.XmlText()
  paragraph.insert(0, [line])
  fragment.push([paragraph])
  let typed = 0
  return () => {
    line.insert(line.length, text[(from + typed++) % text.length]!)
  }
}

async function step(server: ServerProcess, authors: number, cookies: readonly (string | undefined)[], text: string): Promise<Step> {
  const documentId = await openDocument(server, `authors ${authors}`, cookies.slice(0, authors))
  const writers = cookies.slice(0, authors).map((cookie) => connectPeer(server, documentId, cookie))
  const readers = Array.from({ length: authors * READERS_PER_AUTHOR }, () => connectPeer(server, documentId))
  try {
    await Promise.all([...writers, ...readers].map((peer) => peer.synced()))
    const clocks = writers.map((writer, index) => {
      const clock = new PropagationClock(writer.doc)
      for (const reader of readers.slice(index * READERS_PER_AUTHOR, (index + 1) * READERS_PER_AUTHOR)) clock.watch(reader.doc)
      return clock
    })
    const serverCpu = await server.cpuSeconds()
    const clientCpu = process.cpuUsage()
    const start = performance.now()
    await Promise.all(
      writers.map(async (writer, index) => {
        const type = typist(writer, text, (index * 997) % text.length)
        // Spread over the first interval, so that the authors do not type in step.
        const offset = (index * 1000) / EDITS_PER_SECOND / authors
        for (let edit = 0; edit < (TYPING_MS / 1000) * EDITS_PER_SECOND; edit++) {
          const wait = start + offset + (edit * 1000) / EDITS_PER_SECOND - performance.now()
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
          type()
          clocks[index]!.edited()
        }
      }),
    )
    const typing = (performance.now() - start) / 1000
    const serverLoad = ((await server.cpuSeconds()) - serverCpu) / typing
    const { user, system } = process.cpuUsage(clientCpu)
    const clientLoad = (user + system) / 1e6 / typing
    const deadline = performance.now() + CATCH_UP_MS
    while (!clocks.every((clock) => clock.complete) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    const latencies = clocks.flatMap((clock) => clock.latencies)
    const expected = clocks.reduce((sum, clock) => sum + clock.timedEdits * READERS_PER_AUTHOR, 0)
    return { authors, p99: percentile(latencies, 0.99), lost: expected - latencies.length, serverLoad, clientLoad }
  } finally {
    for (const peer of [...writers, ...readers]) peer.destroy()
  }
}

/** Raises N until an author's edits reach their readers too slowly or not at all; returns every step run. */
async function ramp(server: ServerProcess, text: string): Promise<Step[]> {
  const accounts = STEPS.at(-1)!
  const cookies =
    server.kind === 'relay'
      ? Array.from({ length: accounts }, () => undefined)
      : await Promise.all(Array.from({ length: accounts }, (_, index) => signUp(server, `author ${index}`)))
  const steps: Step[] = []
  for (const authors of STEPS) {
    const result = await step(server, authors, cookies, text)
    const load = `server ${Math.round(result.serverLoad * 100)}% of a core, clients ${Math.round(result.clientLoad * 100)}%`
    console.error(`  ${server.kind}: ${authors} authors, p99 ${ms(result.p99)}, ${result.lost} lost; ${load}`)
    steps.push(result)
    if (result.p99 > TARGET_P99_MS || result.lost > 0) break
  }
  return steps
}

const passing = (steps: readonly Step[]) => steps.filter((step) => step.p99 <= TARGET_P99_MS && step.lost === 0).at(-1)
const describeStep = (step: Step | undefined) => (step ? `${step.authors} (p99 ${ms(step.p99)})` : 'none')
const describeFailure = (steps: readonly Step[]) => {
  const failed = steps.find((step) => step.p99 > TARGET_P99_MS || step.lost > 0)
  if (!failed) return 'none up to the last step'
  return `${failed.authors}: p99 ${ms(failed.p99)}, ${failed.lost} lost; CPU: server ${Math.round(failed.serverLoad * 100)}%, clients ${Math.round(failed.clientLoad * 100)}%`
}

export const authors: Benchmark = {
  name: 'authors',
  description: `authors typing at ${EDITS_PER_SECOND} edits/s in one document with ${READERS_PER_AUTHOR} readers each, raised until p99 > ${TARGET_P99_MS} ms or an edit is lost`,
  async run() {
    const text = loadTrace('seph-blog1').endContent.replace(/\n/g, ' ')
    const relay = await startRelay()
    const relaySteps = await ramp(relay, text).finally(() => relay.stop())
    const coffeehouse = await startCoffeehouse()
    const ours = await ramp(coffeehouse, text).finally(() => coffeehouse.stop())
    const best = passing(ours)
    return [
      {
        benchmark: 'authors',
        figure: `most authors with p99 ≤ ${TARGET_P99_MS} ms and none lost`,
        value: describeStep(best),
        baseline: `relay ${describeStep(passing(relaySteps))}`,
        target: `≥ ${TARGET_AUTHORS}, 0 lost`,
        met: (best?.authors ?? 0) >= TARGET_AUTHORS,
      },
      { benchmark: 'authors', figure: 'first step over the limit', value: describeFailure(ours), baseline: `relay ${describeFailure(relaySteps)}`, target: '—', met: true },
    ]
  },
}
