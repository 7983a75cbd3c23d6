import { describe, expect, it } from 'vitest'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { as, signUp } from '../support/accounts'
import { connectClient } from '../support/clients'
import { ParagraphText } from '../support/paragraph-text'
import { defaultLimits, startServer } from '../support/server'
import { loadTrace } from '../support/traces'

describe('replaying a real editing trace', () => {
  it('ends with the trace’s final text in the server’s export', async () => {
    const trace = loadTrace('seph-blog1')
    // A bulk replay sends as fast as it can; the per-connection allowance is for people.
    const server = await startServer({ limits: { ...defaultLimits(), messagesPerSecond: 1e9, messageBurst: 1e9 } })
    const seph = await signUp(server, 'seph')
    const created = await as(server, seph).post('/api/documents', { title: 'seph-blog1 replay' })
    const { id } = (await created.json()) as { id: string }
    const writer = connectClient(server, id, seph)
    await writer.synced()

    const text = new ParagraphText(writer.doc.getXmlFragment(DOCUMENT_FRAGMENT))
    for (const { patches } of trace.txns) {
      writer.doc.transact(() => {
        for (const [position, deleted, inserted] of patches) text.apply(position, deleted, inserted)
      })
    }
    await writer.allSaved()

    const exported = await fetch(`${server.url}/api/documents/${id}/export?format=text`)
    expect(exported.status).toBe(200)
    expect(await exported.text()).toBe(trace.endContent)
  }, 300_000)
})
