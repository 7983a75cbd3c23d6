import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../../model/protocol'
import { encodeSyncUpdate } from '../../server/collab/server-frames'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp } from '../support/accounts'
import { appendParagraph, connectClient, suggestParagraph, textOf } from '../support/clients'
import { next, until } from '../support/events'
import { awarenessFrame } from '../support/raw-socket'
import { serverState } from '../support/server-document'
import { startServer } from '../support/server'

/** A server with its admin and one contributor, who keeps the manifesto loaded. Contributors write by suggesting. */
async function setup() {
  const server = await startServer()
  const admin = await signUp(server, 'admin')
  const contributor = await signUp(server, 'carla', 'Carla')
  const writer = connectClient(server, MANIFESTO_ID, contributor)
  await writer.synced()
  return { server, admin, contributor, writer }
}

const closedWith = async (client: ReturnType<typeof connectClient>) => (await next<[{ code: number; reason: string }]>(client.provider, 'closed'))[0]

describe('permissions on the websocket', () => {
  it('lets a reader sync and stay connected: the empty sync step 2 is not an edit', async () => {
    const { server, writer, contributor } = await setup()
    const reader = connectClient(server, MANIFESTO_ID)
    await reader.synced()
    await reader.allSaved()
    suggestParagraph(writer.doc, 'Live for readers too.', contributor.user.id)
    await until(() => textOf(reader.doc).includes('Live for readers too.'), [reader.doc], 'update')
    expect(reader.provider.wsconnected).toBe(true)
  })

  it('refuses a reader’s edit with 4403 and leaves the document byte-identical', async () => {
    const { server, writer } = await setup()
    await writer.allSaved()
    const before = await serverState(server, MANIFESTO_ID)
    const reader = connectClient(server, MANIFESTO_ID)
    await reader.synced()
    const closed = closedWith(reader)
    appendParagraph(reader.doc, 'A reader tries to write.')
    expect(await closed).toMatchObject({ code: CloseCode.forbidden, reason: expect.stringMatching(/read-only/) })
    expect((await serverState(server, MANIFESTO_ID)).equals(before)).toBe(true)
    expect(textOf(writer.doc)).not.toContain('A reader tries to write.')
  })

  it('refuses the same edit again when the reader reconnects and resends it', async () => {
    const { server, writer } = await setup()
    await writer.allSaved()
    const before = await serverState(server, MANIFESTO_ID)
    const reader = connectClient(server, MANIFESTO_ID)
    await reader.synced()
    const firstClose = closedWith(reader)
    appendParagraph(reader.doc, 'Written offline by a reader.')
    await firstClose
    const secondClose = closedWith(reader)
    // On reconnecting, the provider's sync step 2 carries the edit the server refused.
    reader.provider.connect()
    expect((await secondClose).code).toBe(CloseCode.forbidden)
    expect((await serverState(server, MANIFESTO_ID)).equals(before)).toBe(true)
  })

  it('refuses a signed-in reader’s edit too', async () => {
    const { server, admin } = await setup()
    const created = await as(server, admin).post('/api/documents', { title: 'Closed draft' })
    const { id } = (await created.json()) as { id: string }
    const stranger = await signUp(server, 'stranger')
    const reader = connectClient(server, id, stranger)
    await reader.synced()
    const closed = closedWith(reader)
    appendParagraph(reader.doc, 'Not a member.')
    expect((await closed).code).toBe(CloseCode.forbidden)
  })

  it('stops a contributor’s edits as soon as the document is closed to contributions', async () => {
    const { server, admin, writer, contributor } = await setup()
    suggestParagraph(writer.doc, 'Still allowed.', contributor.user.id)
    await writer.allSaved()
    await as(server, admin).patch(`/api/documents/${MANIFESTO_ID}`, { openToContributions: false })
    const closed = closedWith(writer)
    suggestParagraph(writer.doc, 'No longer allowed.', contributor.user.id)
    expect((await closed).code).toBe(CloseCode.forbidden)
    expect(textOfState(await serverState(server, MANIFESTO_ID))).not.toContain('No longer allowed.')
  })

  it('tells an open connection that its role changed, and judges its next edit by the new role', async () => {
    const { server, admin } = await setup()
    const created = await as(server, admin).post('/api/documents', { title: 'Closed draft' })
    const { id } = (await created.json()) as { id: string }
    const newcomer = await signUp(server, 'newcomer')
    const client = connectClient(server, id, newcomer)
    await client.synced()
    const told = next<[{ code: number } | null]>(client.provider, 'connection-close')
    await as(server, admin).put(`/api/documents/${id}/members/${newcomer.user.id}`, { role: 'contributor' })
    expect((await told)[0]?.code).toBe(CloseCode.accessChanged)
    // The provider reconnects by itself; the same person may now write.
    suggestParagraph(client.doc, 'Now a contributor.', newcomer.user.id)
    await client.allSaved()
    expect(textOfState(await serverState(server, id))).toContain('Now a contributor.')
  })

  it('corrects a client that claims another person’s identity in its presence', async () => {
    const { server, writer } = await setup()
    const mallory = await signUp(server, 'mallory', 'Mallory')
    const spoofer = connectClient(server, MANIFESTO_ID, mallory)
    await spoofer.synced()
    const state = () => writer.provider.awareness.getStates().get(spoofer.doc.clientID) as { user?: unknown; cursor?: unknown } | undefined
    const namesSeen: unknown[] = []
    writer.provider.awareness.on('update', () => namesSeen.push((state()?.user as { name?: unknown } | undefined)?.name))
    spoofer.provider.awareness.setLocalStateField('user', { id: 'someone-else', name: 'Carla', color: '#000000' })
    const caret = { anchor: { tname: 'default', assoc: 0 }, head: { tname: 'default', assoc: 0 } }
    spoofer.provider.awareness.setLocalStateField('cursor', caret)
    await until(() => state()?.cursor !== undefined, [writer.provider.awareness], 'update')
    expect(state()?.user).toEqual({ id: mallory.user.id, name: 'Mallory', color: mallory.user.color })
    expect(namesSeen).not.toContain('Carla')
  })

  it('shows people who are not signed in only as a count of readers', async () => {
    const { server, writer } = await setup()
    const readers = [connectClient(server, MANIFESTO_ID), connectClient(server, MANIFESTO_ID)]
    await Promise.all(readers.map((reader) => reader.synced()))
    const anonymousCount = () =>
      [...writer.provider.awareness.getStates().values()].reduce((sum, state) => sum + (Number((state as { readers?: { anonymous?: number } }).readers?.anonymous) || 0), 0)
    await until(() => anonymousCount() === 2, [writer.provider.awareness], 'change')
    for (const reader of readers) expect(writer.provider.awareness.getStates().has(reader.doc.clientID)).toBe(false)
    readers[0]!.destroy()
    await until(() => anonymousCount() === 1, [writer.provider.awareness], 'change')
  })

  it('closes a blocked person’s connection and refuses them when they come back', async () => {
    const { server, admin, writer, contributor } = await setup()
    const closed = closedWith(writer)
    expect((await as(server, admin).post(`/api/documents/${MANIFESTO_ID}/blocks/${contributor.user.id}`)).status).toBe(204)
    expect((await closed).code).toBe(CloseCode.forbidden)
    const again = connectClient(server, MANIFESTO_ID, contributor)
    expect((await closedWith(again)).code).toBe(CloseCode.forbidden)
  })

  it('asks people who are not signed in to sign in for a members-only document, and closes them when it becomes one', async () => {
    const { server, admin } = await setup()
    const reader = connectClient(server, MANIFESTO_ID)
    await reader.synced()
    const closed = closedWith(reader)
    await as(server, admin).patch(`/api/documents/${MANIFESTO_ID}`, { visibility: 'members' })
    expect((await closed).code).toBe(CloseCode.signInRequired)
    const late = connectClient(server, MANIFESTO_ID)
    expect((await closedWith(late)).code).toBe(CloseCode.signInRequired)
    const stranger = connectClient(server, MANIFESTO_ID, await signUp(server, 'stranger'))
    expect((await closedWith(stranger)).code).toBe(CloseCode.forbidden)
  })

  it('drops presence sent by someone who is not signed in', async () => {
    const { server, writer, contributor } = await setup()
    const socket = new WebSocket(`${server.collabUrl}/${MANIFESTO_ID}`)
    await new Promise((resolve) => socket.once('message', resolve))
    socket.send(awarenessFrame(424242, 1, JSON.stringify({ user: { name: 'Ghost', color: '#000000' } })))
    // The writer's own later change arrives; the ghost never did.
    writer.provider.awareness.setLocalStateField('cursor', 7)
    suggestParagraph(writer.doc, 'After the ghost.', contributor.user.id)
    await writer.allSaved()
    expect(writer.provider.awareness.getStates().has(424242)).toBe(false)
    socket.close()
  })
})

/** The text of a document state read back from the server. */
function textOfState(state: Buffer): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return textOf(doc)
}

describe('connections from other sites', () => {
  it('refuses a page on another site, even when the browser sends the cookie', async () => {
    const server = await startServer()
    await signUp(server, 'admin')
    const carla = await signUp(server, 'carla')
    const open = (origin: string, site = 'same-origin') =>
      new Promise<{ code: number }>((resolve) => {
        const socket = new WebSocket(`${server.collabUrl}/${MANIFESTO_ID}`, { headers: { cookie: carla.cookie, origin, 'sec-fetch-site': site } })
        socket.once('message', () => {
          // Refused before this: a signed-in contributor's edit would be accepted here.
          const writer = new Y.Doc()
          suggestParagraph(writer, 'cross-site', carla.user.id)
          socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(writer)))
          // A sync step 1 after it: its answer (a step 2) means the edit before it was accepted.
          socket.send(new Uint8Array([0, 0, 1, 0]))
        })
        socket.on('message', (data: Buffer) => {
          if (data[0] === 0 && data[1] === 1) {
            socket.close()
            resolve({ code: 0 })
          }
        })
        socket.once('close', (code) => resolve({ code }))
      })
    expect((await open('https://evil.example', 'cross-site')).code).toBe(CloseCode.forbidden)
    // A sibling subdomain: the browser calls it same-site, and SameSite=Lax would let the cookie through.
    expect((await open(server.url, 'same-site')).code).toBe(CloseCode.forbidden)
    expect((await open('null', 'cross-site')).code).toBe(CloseCode.forbidden)
    expect((await open(server.url)).code).toBe(0)
  })
})

describe('edits that arrive while a document loads', () => {
  // Regression: the role was looked up only once the client had joined, so a contributor's
  // first frames, sent before the document finished loading, were refused as a reader's.
  it('accepts a contributor’s edit sent before the document has loaded', async () => {
    const server = await startServer()
    await signUp(server, 'admin')
    const carla = await signUp(server, 'carla')
    const socket = new WebSocket(`${server.collabUrl}/${MANIFESTO_ID}`, { headers: { cookie: carla.cookie } })
    const accepted = new Promise<boolean>((resolve) => {
      socket.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve(true))
      socket.once('close', () => resolve(false))
    })
    socket.once('open', () => {
      const author = new Y.Doc()
      suggestParagraph(author, 'sent while loading', carla.user.id)
      socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(author)))
      socket.send(new Uint8Array([0, 0, 1, 0]))
    })
    expect(await accepted).toBe(true)
    socket.close()
    expect(textOfState(await serverState(server, MANIFESTO_ID))).toContain('sent while loading')
  })
})
