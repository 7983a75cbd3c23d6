import { describe, expect, it, onTestFinished } from 'vitest'
import * as Y from 'yjs'
import { PropagationClock } from '../../bench/support/propagation'
import { TraceWriter } from '../../bench/support/trace-writer'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { as, signUp } from '../support/accounts'
import { connectClient, textOf } from '../support/clients'
import { until } from '../support/events'
import { defaultLimits, startServer } from '../support/server'
import { loadTrace } from '../support/traces'

/** A fresh document with its writer (a stock client, signed in) and two anonymous readers, all synced. */
async function writerAndReaders() {
  const server = await startServer({ limits: { ...defaultLimits(), messagesPerSecond: 1e9, messageBurst: 1e9 } })
  const author = await signUp(server, 'author')
  const created = await as(server, author).post('/api/documents', { title: 'Benchmark harness' })
  const { id } = (await created.json()) as { id: string }
  const writer = connectClient(server, id, author)
  const readers = [connectClient(server, id), connectClient(server, id)]
  await Promise.all([writer.synced(), ...readers.map((reader) => reader.synced())])
  return { server, id, writer, readers }
}

describe('the benchmark harness', () => {
  it('times every inserting edit at every reader exactly once, from one clock', async () => {
    const { writer, readers } = await writerAndReaders()
    const trace = loadTrace('automerge-paper')
    const clock = new PropagationClock(writer.doc)
    for (const reader of readers) clock.watch(reader.doc)
    const traceWriter = new TraceWriter(writer.doc, trace)
    const started = performance.now()
    for (let edit = 0; edit < 500; edit++) {
      traceWriter.write(edit)
      clock.edited()
    }
    await until(() => clock.complete, readers.map((reader) => reader.doc), 'update', 'every edit at every reader')
    const elapsed = performance.now() - started
    expect(clock.timedEdits).toBeGreaterThan(300)
    expect(clock.latencies).toHaveLength(clock.timedEdits * readers.length)
    for (const latency of clock.latencies) {
      expect(latency).toBeGreaterThanOrEqual(0)
      expect(latency).toBeLessThanOrEqual(elapsed)
    }
    expect(textOf(readers[0]!.doc)).toBe(textOf(writer.doc))
  })

  it('replays all of automerge-paper through the server to its final text', async () => {
    const { server, id, writer } = await writerAndReaders()
    const trace = loadTrace('automerge-paper')
    const traceWriter = new TraceWriter(writer.doc, trace)
    for (let edit = 0; edit < traceWriter.length; edit++) traceWriter.write(edit)
    await writer.allSaved()
    const exported = await fetch(`${server.url}/api/documents/${id}/export?format=text`)
    expect(await exported.text()).toBe(trace.endContent)
    onTestFinished(() => writer.destroy())
  }, 300_000)
})

// The same writer in-process, as the throughput benchmark's raw-Yjs baseline uses it.
describe('the raw Yjs baseline', () => {
  it('reaches the trace’s final text', () => {
    const trace = loadTrace('seph-blog1')
    const doc = new Y.Doc()
    doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')])
    const writer = new TraceWriter(doc, trace)
    for (let edit = 0; edit < writer.length; edit++) writer.write(edit)
    const lines = doc
      .getXmlFragment(DOCUMENT_FRAGMENT)
      .toArray()
      .map((paragraph) => ((paragraph as Y.XmlElement).get(0) as Y.XmlText | undefined)?.toString() ?? '')
    expect(lines.join('\n')).toBe(trace.endContent)
  })
})
