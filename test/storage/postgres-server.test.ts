import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../model/protocol'
import { next } from '../support/events'
import { startTcpProxy } from '../support/tcp-proxy'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { databaseUrl as serviceUrl, databaseUrlIn, freshSchema, poolIn, postgresAvailable } from '../support/postgres'
import { startServer } from '../support/server'

describe.runIf(postgresAvailable)('a server on PostgreSQL', () => {
  it('keeps what was typed in the database, and a server started on it afresh reads it back', async () => {
    const schema = await freshSchema()
    const databaseUrl = databaseUrlIn(schema)
    const first = await startServer({ databaseUrl })
    const writer = connectClient(first, MANIFESTO_ID, await signUp(first, 'writer'))
    await writer.synced()
    appendParagraph(writer.doc, 'Kept in PostgreSQL.')
    await writer.allSaved()
    const expected = textOf(writer.doc)
    writer.destroy()
    await first.stop()

    // Another data directory: nothing of the document may come from the first server's files.
    const second = await startServer({ databaseUrl })
    const reader = connectClient(second, MANIFESTO_ID)
    await reader.synced()
    expect(textOf(reader.doc)).toBe(expected)
  })

  it('stores each change as a row of the document\'s changes', async () => {
    const schema = await freshSchema()
    const server = await startServer({ databaseUrl: databaseUrlIn(schema) })
    const writer = connectClient(server, MANIFESTO_ID, await signUp(server, 'writer'))
    await writer.synced()
    const pool = poolIn(schema)
    const before = await pool.query<{ count: string }>('SELECT count(*) FROM document_changes WHERE document_id = $1', [MANIFESTO_ID])
    appendParagraph(writer.doc, 'One more paragraph.')
    await writer.allSaved()
    const after = await pool.query<{ count: string }>('SELECT count(*) FROM document_changes WHERE document_id = $1', [MANIFESTO_ID])
    expect(Number(after.rows[0]?.count)).toBeGreaterThan(Number(before.rows[0]?.count))
  })

  it('never says "saved" while PostgreSQL cannot be reached, and stores the edit once it can', async () => {
    const schema = await freshSchema()
    const service = new URL(serviceUrl)
    const proxy = await startTcpProxy({ host: service.hostname, port: Number(service.port || 5432) })
    const throughProxy = new URL(databaseUrlIn(schema))
    throughProxy.host = `127.0.0.1:${proxy.port}`
    const server = await startServer({ databaseUrl: throughProxy.toString() })
    const writer = connectClient(server, MANIFESTO_ID, await signUp(server, 'writer'))
    await writer.synced()
    await writer.allSaved()

    proxy.cut()
    const closed = next<[{ code: number } | null]>(writer.provider, 'connection-close')
    appendParagraph(writer.doc, 'Written while the database was away.')
    const [event] = await closed
    expect(event?.code).toBe(CloseCode.storageUnavailable)
    expect(writer.saved).toBeLessThan(writer.sent)

    // Back: the provider reconnects by itself, and its sync step 2 sends the edit again.
    proxy.restore()
    await writer.allSaved()
    const reader = connectClient(await startServer({ databaseUrl: databaseUrlIn(schema) }), MANIFESTO_ID)
    await reader.synced()
    expect(textOf(reader.doc)).toContain('Written while the database was away.')
  })

  it('signs a person in on every server on the database, and out of every one at once', async () => {
    const databaseUrl = databaseUrlIn(await freshSchema())
    const [a, b] = [await startServer({ databaseUrl }), await startServer({ databaseUrl })]
    const ada = await signUp(a, 'ada')
    const me = await fetch(`${b.url}/api/me`, { headers: { cookie: ada.cookie } })
    expect(await me.json()).toMatchObject({ user: { id: ada.user.id, username: 'ada' } })

    const writer = connectClient(b, MANIFESTO_ID, ada)
    await writer.synced()
    const closed = next<[{ code: number } | null]>(writer.provider, 'connection-close')
    await fetch(`${a.url}/api/auth/logout`, { method: 'POST', headers: { cookie: ada.cookie, origin: a.url } })
    const [event] = await closed
    expect(event?.code).toBe(CloseCode.accessChanged)
  })
})
