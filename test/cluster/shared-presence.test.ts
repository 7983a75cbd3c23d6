import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp, signUpMaintainer } from '../support/accounts'
import { connectClient, type TestClient } from '../support/clients'
import { startCluster } from '../support/cluster'
import { until } from '../support/events'
import { clusterAvailable } from '../support/postgres'

/** The person `watcher` sees under `watched`'s client id, once it sees one (or none, with `gone`). */
async function seen(watcher: TestClient, watched: TestClient, gone = false): Promise<unknown> {
  const awareness = watcher.provider.awareness
  const clientId = watched.doc.clientID
  await until(() => awareness.getStates().has(clientId) !== gone, [awareness], 'change', gone ? 'presence gone' : 'presence seen')
  return awareness.getStates().get(clientId)
}

describe.runIf(clusterAvailable)('presence across servers', () => {
  it('shows a person connected to one server to people connected to another, with the name the server gave them', async () => {
    const { nodes } = await startCluster(2)
    const ada = await signUp(nodes[0]!, 'ada', 'Ada')
    const here = connectClient(nodes[0]!, MANIFESTO_ID, ada)
    const there = connectClient(nodes[1]!, MANIFESTO_ID)
    await Promise.all([here.synced(), there.synced()])
    here.provider.awareness.setLocalStateField('user', { id: 'someone else', name: 'Not Ada', color: '#000000' })
    expect(await seen(there, here)).toMatchObject({ user: { id: ada.user.id, name: 'Ada' } })
  })

  it('shows people who were there before a server started serving the document', async () => {
    const { nodes } = await startCluster(2)
    const ada = await signUp(nodes[0]!, 'ada', 'Ada')
    const early = connectClient(nodes[0]!, MANIFESTO_ID, ada)
    await early.synced()
    early.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    await seen(early, early)
    // The second server loads the document only now, and asks the first for who is there.
    const late = connectClient(nodes[1]!, MANIFESTO_ID)
    await late.synced()
    expect(await seen(late, early)).toMatchObject({ user: { id: ada.user.id } })
  })

  it('takes a person away on every server as soon as they leave', async () => {
    const { nodes } = await startCluster(2)
    const ada = await signUp(nodes[0]!, 'ada', 'Ada')
    const leaving = connectClient(nodes[0]!, MANIFESTO_ID, ada)
    const staying = connectClient(nodes[1]!, MANIFESTO_ID)
    await Promise.all([leaving.synced(), staying.synced()])
    leaving.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    await seen(staying, leaving)
    leaving.provider.disconnect()
    // Within this test's timeout, half the 30 seconds an entry lives without renewal.
    await seen(staying, leaving, true)
  }, 15_000)

  it('tells people on every server of a version named on one of them', async () => {
    const { nodes } = await startCluster(2)
    const ada = await signUpMaintainer(nodes[0]!, 'ada')
    const here = connectClient(nodes[0]!, MANIFESTO_ID, ada)
    const there = connectClient(nodes[1]!, MANIFESTO_ID)
    await Promise.all([here.synced(), there.synced()])
    const response = await as(nodes[0]!, ada).post(`/api/documents/${MANIFESTO_ID}/versions`, { name: 'Named on the first server' })
    const { version } = (await response.json()) as { version: { id: string } }
    const awareness = there.provider.awareness
    const announced = () => [...awareness.getStates().values()].some((state) => (state.history as { latest?: string } | undefined)?.latest === version.id)
    await until(announced, [awareness], 'change', 'the version announced on the second server')
  })
})
