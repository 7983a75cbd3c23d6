import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUpMaintainer } from '../support/accounts'
import { connectClient } from '../support/clients'
import { until } from '../support/events'
import { COMPARE_API, listVersions, nameVersion, VERSIONS_API } from '../support/history'
import { startServer } from '../support/server'
import { editDirectly } from '../support/suggest-edit'

describe('naming and announcing versions', () => {
  it('keeps a name already given: naming the same text again records a new version', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const first = await nameVersion(server, mara, 'Draft 2')
    const second = await nameVersion(server, mara, 'Draft 0.3')
    expect(second.id).not.toBe(first.id)
    expect((await listVersions(server)).map((version) => version.name)).toEqual(['Draft 2', 'Draft 0.3'])
  })

  it('tells the room when a version is renamed, so open pages read the list again', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    const named = await nameVersion(server, mara, 'Draft 1')
    const revision = () => {
      for (const state of client.provider.awareness.getStates().values()) {
        const history = (state as { history?: { revision?: string } }).history
        if (history?.revision) return history.revision
      }
      return null
    }
    await until(() => revision() !== null, [client.provider.awareness], 'change', 'the naming announced')
    const before = revision()
    await as(server, mara).patch(`${VERSIONS_API}/${named.id}`, { name: 'Draft 1, final' })
    await until(() => revision() !== before, [client.provider.awareness], 'change', 'the rename announced')
  })

  it('labels each end of a comparison given in reverse with its own reference', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    const named = await nameVersion(server, mara, 'Draft 1')
    editDirectly(client.doc, (tr, find) => tr.insertText('More. ', find('Most policy is still made')))
    await client.allSaved()
    const comparison = (await (await as(server, null).get(`${COMPARE_API}?from=current&to=${named.id}`)).json()) as {
      from: { id: string; number: number | null }
      to: { id: string; number: number | null }
    }
    expect(comparison.from).toMatchObject({ id: named.id, number: named.number })
    expect(comparison.to).toMatchObject({ id: 'current', number: null })
  })
})
