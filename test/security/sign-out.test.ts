import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../model/protocol'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signIn, signUpMaintainer } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { next } from '../support/events'
import { serverState } from '../support/server-document'
import { startServer } from '../support/server'
import * as Y from 'yjs'

const textOfState = (state: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return textOf(doc)
}

describe('signing out', () => {
  it('ends the person’s open connections at once', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    const closed = next<[CloseEvent | null]>(client.provider, 'connection-close')
    expect((await as(server, mara).post('/api/auth/logout')).status).toBeLessThan(300)
    const [event] = await closed
    expect(event?.code).toBe(CloseCode.accessChanged)
    expect(event?.reason).toMatch(/signed out/)
  })

  it('does not save an edit sent after signing out, on the connection or after it reconnects', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    await client.allSaved()
    const ended = next(client.provider, 'connection-close')
    await as(server, mara).post('/api/auth/logout')
    await ended
    // The provider reconnects with the old cookie: now it belongs to nobody, so the edit is a reader's.
    const refused = next<[{ code: number }]>(client.provider, 'closed')
    appendParagraph(client.doc, 'Written after signing out.')
    expect((await refused)[0].code).toBe(CloseCode.forbidden)
    expect(textOfState(await serverState(server, MANIFESTO_ID))).not.toContain('Written after signing out.')
  })

  it('leaves the person’s other sessions connected', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const laptop = connectClient(server, MANIFESTO_ID, mara)
    const phoneSession = await signIn(server, 'mara')
    const phone = connectClient(server, MANIFESTO_ID, phoneSession)
    await Promise.all([laptop.synced(), phone.synced()])
    const ended = next(laptop.provider, 'connection-close')
    await as(server, mara).post('/api/auth/logout')
    await ended
    appendParagraph(phone.doc, 'Still signed in on the phone.')
    await phone.allSaved()
    expect(textOfState(await serverState(server, MANIFESTO_ID))).toContain('Still signed in on the phone.')
  })
})
