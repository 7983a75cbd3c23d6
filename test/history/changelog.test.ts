import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as } from '../support/accounts'
import { connectClient } from '../support/clients'
import { nameVersion, VERSIONS_API } from '../support/history'
import { joinAsContributor, setup, suggest, SUGGESTIONS_API } from '../support/review'
import { serverContent } from '../support/server-document'
import { editDirectly } from '../support/suggest-edit'

describe('the changelog of a named version', () => {
  it('lists who edited, how much, and each suggestion accepted or rejected since the last named version, with the reasons', async () => {
    const context = await setup()
    const { server, mara, carla } = context
    const draft = await nameVersion(server, mara, 'Draft 0.1')
    const dan = await joinAsContributor(server, 'dan')
    const accepted = await suggest(context, (tr, find) => tr.insertText('Read this. ', find('Most policy is still made')))
    const rejected = await suggest(context, (tr, find) => tr.insertText('Or not. ', find('the way it was')), dan)
    await as(server, mara).post(`${SUGGESTIONS_API}/${accepted}/accept`, { reason: 'Clearer.' })
    await as(server, mara).post(`${SUGGESTIONS_API}/${rejected}/reject`, { reason: 'Off topic.' })
    const maras = connectClient(server, MANIFESTO_ID, mara)
    await maras.synced()
    editDirectly(maras.doc, (tr, find) => tr.insertText('Mara. ', find('Most policy is still made')))
    await maras.allSaved()
    const release = await nameVersion(server, mara, 'Draft 0.2 — sent to members', 'Two suggestions decided.')

    const response = await as(server, null).get(`${VERSIONS_API}/${release.id}/changelog`)
    expect(response.status).toBe(200)
    const log = (await response.json()) as {
      since: { id: string }
      added: number
      contributors: Array<{ person: string; added: number; removed: number }>
      editors: string[]
      decisions: Array<{ action: string; reason: string; suggestion: { id: string; author: string; inserted: string } }>
    }
    expect(log.since.id).toBe(draft.id)
    expect(log.added).toBe('Read this. '.length + 'Mara. '.length)
    expect(log.contributors).toEqual(
      expect.arrayContaining([
        { person: carla.user.id, added: 'Read this. '.length, removed: 0 },
        { person: mara.user.id, added: 'Mara. '.length, removed: 0 },
      ]),
    )
    expect(log.editors).toEqual(expect.arrayContaining([carla.user.id, mara.user.id]))
    expect(log.decisions.map(({ action, reason, suggestion }) => [action, reason, suggestion.id, suggestion.author])).toEqual([
      ['accepted', 'Clearer.', accepted, carla.user.id],
      ['rejected', 'Off topic.', rejected, dan.person.user.id],
    ])
  })
})

describe('restoring while suggestions are pending', () => {
  it('is refused with 409 until they are decided, so that no idea disappears without a decision', async () => {
    const context = await setup()
    const { server, mara } = context
    const [first] = ((await (await as(server, null).get(VERSIONS_API)).json()) as { versions: Array<{ id: string }> }).versions
    await suggest(context, (tr, find) => tr.insertText('Pending. ', find('Most policy is still made')))
    const before = (await serverContent(server, MANIFESTO_ID)).toJSON()
    const response = await as(server, mara).post(`${VERSIONS_API}/${first!.id}/restore`)
    expect(response.status).toBe(409)
    expect(await response.json()).toMatchObject({ error: { id: 'suggestions_pending' } })
    expect((await serverContent(server, MANIFESTO_ID)).toJSON()).toEqual(before)
  })
})
