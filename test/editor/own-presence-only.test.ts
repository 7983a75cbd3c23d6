import { describe, expect, it } from 'vitest'
import { sendOwnPresenceOnly } from '../../editor/document/own-presence-only'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUpMaintainer } from '../support/accounts'
import { connectClient, type TestClient } from '../support/clients'
import { until } from '../support/events'
import { presenceClients } from '../support/presence-frames'
import { startServer } from '../support/server'

/** A caret as the editor publishes it (relative positions); the server checks the shape. */
const caretAt = (assoc: number) => ({ anchor: { type: null, tname: 'default', item: null, assoc }, head: { type: null, tname: 'default', item: null, assoc } })

/** The client ids named by each presence frame the client sends from now on. */
function recordPresenceSent(client: TestClient): number[][] {
  const sent: number[][] = []
  const socket = client.provider.ws!
  const send = socket.send.bind(socket)
  socket.send = (data: Uint8Array) => {
    const clients = presenceClients(data)
    if (clients.length > 0) sent.push(clients)
    send(data)
  }
  return sent
}

describe('sending only this tab’s own presence', () => {
  // Regression: the stock provider sent every frame of other people's presence back to the server.
  it('sends the person’s own caret but not the presence it receives from others', async () => {
    const server = await startServer()
    const alice = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'alice'))
    const bob = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'bob'))
    await Promise.all([alice.synced(), bob.synced()])
    sendOwnPresenceOnly(bob.provider)
    const sent = recordPresenceSent(bob)

    alice.provider.awareness.setLocalStateField('cursor', caretAt(1))
    await until(() => bob.provider.awareness.getStates().get(alice.doc.clientID)?.cursor !== undefined, [bob.provider.awareness], 'change')
    bob.provider.awareness.setLocalStateField('cursor', caretAt(2))

    expect(sent).toEqual([[bob.doc.clientID]])
  })

  it('sends no presence at all once undone, as the provider is being destroyed', async () => {
    const server = await startServer()
    const alice = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'alice'))
    const bob = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'bob'))
    await Promise.all([alice.synced(), bob.synced()])
    const undo = sendOwnPresenceOnly(bob.provider)
    undo()
    const sent = recordPresenceSent(bob)

    bob.provider.awareness.setLocalStateField('cursor', caretAt(2))

    expect(sent).toEqual([])
  })
})
