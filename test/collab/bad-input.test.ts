import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CloseCode, MESSAGE_SYNC, SYNC_UPDATE } from '../../model/protocol'
import { encodeSyncUpdate } from '../../server/collab/server-frames'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp, signUpMaintainer } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { until } from '../support/events'
import { awarenessFrame, openRawSocket } from '../support/raw-socket'
import { serverContent, serverState as serverStateOf } from '../support/server-document'
import { startServer, type TestServer } from '../support/server'

const serverState = (server: TestServer) => serverStateOf(server, MANIFESTO_ID)

/** Keeps one stock client connected, so the document stays loaded between raw connections. */
async function withWatcher(server: TestServer) {
  const watcher = connectClient(server, MANIFESTO_ID, await signUp(server, 'watcher'))
  await watcher.synced()
  return watcher
}

describe('bad input on the websocket', () => {
  it('closes with 4400 on a frame that is not a Yjs update, and leaves the document and other clients alone', async () => {
    const server = await startServer()
    const watcher = await withWatcher(server)
    const before = await serverState(server)
    const raw = openRawSocket(server.collabUrl, MANIFESTO_ID)
    await raw.joined
    raw.socket.send(new Uint8Array([MESSAGE_SYNC, SYNC_UPDATE, 3, 0xff, 0xff, 0xff]))
    expect((await raw.closed).code).toBe(CloseCode.malformedMessage)
    expect((await serverState(server)).equals(before)).toBe(true)

    const other = connectClient(server, MANIFESTO_ID)
    await other.synced()
    appendParagraph(watcher.doc, 'Life goes on.')
    await until(() => textOf(other.doc).includes('Life goes on.'), [other.doc], 'update')
  })

  it('closes with 4400 on a text frame', async () => {
    const server = await startServer()
    const raw = openRawSocket(server.collabUrl, MANIFESTO_ID)
    await raw.joined
    raw.socket.send('hello')
    expect(await raw.closed).toMatchObject({ code: CloseCode.malformedMessage, reason: 'frames must be binary' })
  })

  it('closes with 4400 on bytes trailing a message', async () => {
    const server = await startServer()
    const raw = openRawSocket(server.collabUrl, MANIFESTO_ID)
    await raw.joined
    raw.socket.send(new Uint8Array([3, 0]))
    expect((await raw.closed).reason).toBe('unexpected bytes after the message')
  })

  it('closes with 4400 on an awareness state that is not JSON', async () => {
    const server = await startServer()
    const raw = openRawSocket(server.collabUrl, MANIFESTO_ID)
    await raw.joined
    raw.socket.send(awarenessFrame(1234, 1, '{not json'))
    expect(await raw.closed).toMatchObject({ code: CloseCode.malformedMessage, reason: 'an awareness state is not valid JSON' })
  })

  it('closes with 1009 on a frame over the size limit and stores nothing of it', async () => {
    const server = await startServer({ maxMessageBytes: 64 * 1024 })
    const watcher = await withWatcher(server)
    const before = await serverState(server)
    const writer = new Y.Doc()
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(watcher.doc))
    appendParagraph(writer, 'x'.repeat(100 * 1024))
    const raw = openRawSocket(server.collabUrl, MANIFESTO_ID)
    await raw.joined
    raw.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(writer, Y.encodeStateVector(watcher.doc))))
    expect((await raw.closed).code).toBe(CloseCode.messageTooBig)
    expect((await serverState(server)).equals(before)).toBe(true)
  })

  it('ignores a client that tries to overwrite another client’s presence', async () => {
    const server = await startServer()
    const alice = connectClient(server, MANIFESTO_ID, await signUp(server, 'alice', 'Alice'))
    const bob = connectClient(server, MANIFESTO_ID, await signUp(server, 'bob'))
    await Promise.all([alice.synced(), bob.synced()])
    const caretAt = (assoc: number) => ({ anchor: { type: null, tname: 'default', item: null, assoc }, head: { type: null, tname: 'default', item: null, assoc } })
    alice.provider.awareness.setLocalStateField('cursor', caretAt(1))
    const aliceOnBob = () => bob.provider.awareness.getStates().get(alice.doc.clientID)?.user?.name
    await until(() => aliceOnBob() === 'Alice', [bob.provider.awareness], 'change')

    const raw = openRawSocket(server.collabUrl, MANIFESTO_ID)
    await raw.joined
    raw.socket.send(awarenessFrame(alice.doc.clientID, 999, JSON.stringify({ user: { name: 'Mallory', color: '#000000' } })))
    // Proof the server handled it: a later, honest change of Alice's reaches Bob, and Mallory never did.
    alice.provider.awareness.setLocalStateField('cursor', caretAt(2))
    await until(() => bob.provider.awareness.getStates().get(alice.doc.clientID)?.cursor?.anchor?.assoc === 2, [bob.provider.awareness], 'change')
    expect(aliceOnBob()).toBe('Alice')
    expect(raw.socket.readyState).toBe(WebSocket.OPEN)
  })

  it('passes over another person’s presence echoed back to it without reading it, as the stock provider echoes every frame', async () => {
    const server = await startServer()
    const alice = connectClient(server, MANIFESTO_ID, await signUp(server, 'alice', 'Alice'))
    await alice.synced()
    const raw = openRawSocket(server.collabUrl, MANIFESTO_ID)
    await raw.joined
    // Not even JSON: had the server read it, it would have closed the connection for that.
    raw.socket.send(awarenessFrame(alice.doc.clientID, 1, '{not json'))
    // Frames on one connection are handled in order: the close comes from this one, not from the presence.
    raw.socket.send(new Uint8Array([MESSAGE_SYNC, SYNC_UPDATE, 3, 0xff, 0xff, 0xff]))
    const closed = await raw.closed
    expect(closed.code).toBe(CloseCode.malformedMessage)
    expect(closed.reason).not.toMatch(/awareness/)
  })

  it('applies the updates sent before a refused one in the same write, and none after it', async () => {
    const server = await startServer()
    const maya = await signUpMaintainer(server, 'maya')
    const watcher = await withWatcher(server)
    const writer = new Y.Doc()
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(watcher.doc))
    const sent: Uint8Array[] = []
    writer.on('update', (update: Uint8Array) => sent.push(update))
    appendParagraph(writer, 'Sent first.')
    appendParagraph(writer, 'Sent second.')
    const smuggler = new Y.Doc()
    smuggler.getMap('smuggled').set('key', 'value')
    sent.push(Y.encodeStateAsUpdate(smuggler))
    appendParagraph(writer, 'Sent after the refused one.')
    const raw = openRawSocket(server.collabUrl, MANIFESTO_ID, maya.cookie)
    await raw.joined
    // One write, so that the server reads the frames together (connection.ts applies such frames as one).
    const socket = (raw.socket as unknown as { _socket: import('node:net').Socket })._socket
    socket.cork()
    for (const update of sent) raw.socket.send(encodeSyncUpdate(update))
    socket.uncork()
    expect(await raw.closed).toMatchObject({ code: CloseCode.malformedMessage, reason: expect.stringMatching(/smuggled/) })
    await until(() => textOf(watcher.doc).includes('Sent second.'), [watcher.doc], 'update')
    const content = await serverContent(server, MANIFESTO_ID)
    expect(content.textContent).toContain('Sent first.')
    expect(content.textContent).not.toContain('Sent after the refused one.')
  })

  it('refuses an upgrade outside /collab', async () => {
    const server = await startServer()
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/elsewhere`)
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve))
    expect(error.message).toMatch(/404/)
  })
})
