import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { CloseCode } from '../../model/protocol'
import { signUpMaintainer } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { next, until } from '../support/events'
import { presenceClients } from '../support/presence-frames'
import { startServer } from '../support/server'

describe('live co-editing', () => {
  it('gives a new client the starter manifesto', async () => {
    const server = await startServer()
    const client = connectClient(server, MANIFESTO_ID)
    await client.synced()
    expect(textOf(client.doc)).toContain('The Guerilla Manifesto')
    expect(textOf(client.doc)).toContain('Preamble')
  })

  it('makes two stock clients converge on each other’s edits', async () => {
    const server = await startServer()
    const alice = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'alice'))
    const bob = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'bob'))
    await Promise.all([alice.synced(), bob.synced()])
    appendParagraph(alice.doc, 'Alice was here.')
    appendParagraph(bob.doc, 'Bob was here too.')
    await until(() => textOf(alice.doc) === textOf(bob.doc) && textOf(alice.doc).includes('Bob was here too.') && textOf(bob.doc).includes('Alice was here.'), [alice.doc, bob.doc], 'update')
    expect(textOf(alice.doc)).toBe(textOf(bob.doc))
  })

  it('gives a late joiner the whole document', async () => {
    const server = await startServer()
    const writer = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'writer'))
    await writer.synced()
    for (let i = 0; i < 20; i++) appendParagraph(writer.doc, `Line ${i}`)
    await writer.allSaved()
    const late = connectClient(server, MANIFESTO_ID)
    await late.synced()
    expect(textOf(late.doc)).toBe(textOf(writer.doc))
  })

  it('acknowledges every update once it is stored', async () => {
    const server = await startServer()
    const client = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'writer'))
    await client.synced()
    for (let i = 0; i < 5; i++) appendParagraph(client.doc, `Saved ${i}`)
    await client.allSaved()
    expect(client.saved).toBe(client.sent)
    expect(client.sent).toBeGreaterThanOrEqual(6)
  })

  it('shares presence between clients and drops it when a client leaves', async () => {
    const server = await startServer()
    const alice = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'alice', { displayName: 'Alice' }))
    const bob = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'bob'))
    await Promise.all([alice.synced(), bob.synced()])
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#b5542d' })
    const seesAlice = () => bob.provider.awareness.getStates().get(alice.doc.clientID)?.user?.name === 'Alice'
    await until(seesAlice, [bob.provider.awareness], 'change')
    alice.destroy()
    await until(() => !bob.provider.awareness.getStates().has(alice.doc.clientID), [bob.provider.awareness], 'change')
  })

  it('echoes a client’s presence back to it, so that the provider keeps a connection it is alone on', async () => {
    const server = await startServer()
    const alone = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'ada'))
    await alone.synced()
    const echoed = new Promise<void>((resolve) => {
      alone.provider.ws!.addEventListener('message', (event: { data: ArrayBuffer }) => {
        if (presenceClients(new Uint8Array(event.data)).includes(alone.doc.clientID)) resolve()
      })
    })
    alone.provider.awareness.setLocalStateField('cursor', { anchor: 1 })
    await echoed
  })

  it('closes the connection with 4404 for a document that does not exist', async () => {
    const server = await startServer()
    const client = connectClient(server, 'no-such-document')
    const [event] = await next<[{ code: number }]>(client.provider, 'closed')
    expect(event.code).toBe(CloseCode.documentNotFound)
  })
})
