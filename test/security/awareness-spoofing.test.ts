import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp, signUpMaintainer } from '../support/accounts'
import { connectClient, type TestClient } from '../support/clients'
import { until } from '../support/events'
import { awarenessFrame } from '../support/raw-socket'
import { startServer } from '../support/server'

type State = Record<string, unknown>

/** A maintainer watching the manifesto, an anonymous reader (so the server has presence of its own), and Mallory. */
async function setup() {
  const server = await startServer()
  const mara = await signUpMaintainer(server, 'mara', { displayName: 'Mara' })
  const mallory = await signUp(server, 'mallory', 'Mallory')
  const watcher = connectClient(server, MANIFESTO_ID, mara)
  const reader = connectClient(server, MANIFESTO_ID)
  const spoofer = connectClient(server, MANIFESTO_ID, mallory)
  await Promise.all([watcher.synced(), reader.synced(), spoofer.synced()])
  const seen = () => watcher.provider.awareness.getStates() as Map<number, State>
  await until(() => [...seen().values()].some((state) => state.readers !== undefined), [watcher.provider.awareness], 'change', 'the server’s presence')
  const serverId = [...seen()].find(([, state]) => state.readers !== undefined)![0]
  return { server, mara, mallory, watcher, spoofer, seen, serverId }
}

/** Mallory's own entry with a marker, and a wait until the watcher has it: everything she sent before has been handled. */
async function afterEverythingSent(spoofer: TestClient, watcher: TestClient, marker: number) {
  const caret = { anchor: { tname: 'default', assoc: marker }, head: { tname: 'default', assoc: marker } }
  spoofer.provider.awareness.setLocalStateField('cursor', caret)
  const mine = () => watcher.provider.awareness.getStates().get(spoofer.doc.clientID) as State | undefined
  await until(() => (mine()?.cursor as { anchor?: { assoc?: number } } | undefined)?.anchor?.assoc === marker, [watcher.provider.awareness], 'change')
}

describe('presence that claims to be the server or someone else', () => {
  it('strips the server’s own fields from a client’s presence', async () => {
    const { watcher, spoofer, seen, mallory } = await setup()
    spoofer.provider.awareness.setLocalState({
      user: { id: 'x', name: 'Mallory' },
      readers: { anonymous: 999 },
      review: { revision: 'forged' },
      history: { latest: 'forged', revision: 'forged' },
    })
    await afterEverythingSent(spoofer, watcher, 1)
    const state = seen().get(spoofer.doc.clientID)!
    expect(Object.keys(state).sort()).toEqual(['cursor', 'user'])
    expect(state.user).toEqual({ id: mallory.user.id, name: 'Mallory', color: mallory.user.color })
  })

  it('refuses presence written under the server’s own client id', async () => {
    const { watcher, spoofer, seen, serverId } = await setup()
    const before = structuredClone(seen().get(serverId))
    const forged = JSON.stringify({ readers: { anonymous: 999 }, review: { revision: 'forged' }, user: { id: 'admin', name: 'Site admin' } })
    spoofer.provider.ws!.send(awarenessFrame(serverId, 1_000_000, forged))
    await afterEverythingSent(spoofer, watcher, 2)
    expect(seen().get(serverId)).toEqual(before)
  })

  it('shows a client that claims another person’s user object as itself', async () => {
    const { watcher, spoofer, seen, mara, mallory } = await setup()
    spoofer.provider.awareness.setLocalStateField('user', { id: mara.user.id, name: 'Mara', color: mara.user.color })
    await afterEverythingSent(spoofer, watcher, 3)
    expect(seen().get(spoofer.doc.clientID)!.user).toEqual({ id: mallory.user.id, name: 'Mallory', color: mallory.user.color })
  })

  it('drops a caret that is not a caret, keeping the person', async () => {
    const { watcher, spoofer, seen } = await setup()
    await afterEverythingSent(spoofer, watcher, 4)
    const entry = () => seen().get(spoofer.doc.clientID)
    spoofer.provider.awareness.setLocalStateField('cursor', { anchor: 'junk', head: { item: { client: -1 } } })
    await until(() => entry()?.cursor === undefined, [watcher.provider.awareness], 'change', 'the caret dropped')
    expect(entry()!.user).toMatchObject({ name: 'Mallory' })
  })
})
