import { describe, expect, it } from 'vitest'
import { listSuggestions } from '../../model/schema/suggestion-list'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as } from '../support/accounts'
import { connectClient } from '../support/clients'
import { until } from '../support/events'
import { joinAsContributor, setup, suggest, SUGGESTIONS_API as API } from '../support/review'
import { serverContent } from '../support/server-document'
import { contentOf, editDirectly, type SuggestEdit } from '../support/suggest-edit'

const addQuietly: SuggestEdit = (tr, find) => tr.insertText('quietly ', find('drafted by a handful'))

interface SuggestionJson {
  id: string
  status: string
  author: string
  inserted: string
  deleted: string
  rationale: { text: string } | null
  replies: Array<{ author: string; text: string }>
  decisions: Array<{ action: string; reason: string | null; by: string; supersededBy?: string }>
  survival: { characters: number; of: number; editedBy: Array<string | null> } | null
}

async function suggestionsOf(server: Parameters<typeof as>[0], status?: string): Promise<SuggestionJson[]> {
  const response = await as(server, null).get(`${API}${status ? `?status=${status}` : ''}`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { suggestions: SuggestionJson[] }).suggestions
}

describe('deciding on suggestions through the API', () => {
  it('refuses to accept or reject for a contributor with 403, and for someone signed out with 401, and leaves the suggestion pending', async () => {
    const context = await setup()
    const id = await suggest(context, addQuietly)
    const before = (await serverContent(context.server, MANIFESTO_ID)).toJSON()
    expect((await as(context.server, context.carla).post(`${API}/${id}/accept`, {})).status).toBe(403)
    expect((await as(context.server, context.carla).post(`${API}/${id}/reject`, { reason: 'Mine to drop.' })).status).toBe(403)
    expect((await as(context.server, context.carla).post(`${API}/decide`, { action: 'accept', ids: [id] })).status).toBe(403)
    expect((await as(context.server, null).post(`${API}/${id}/accept`, {})).status).toBe(401)
    expect((await serverContent(context.server, MANIFESTO_ID)).toJSON()).toEqual(before)
    expect((await suggestionsOf(context.server)).map((suggestion) => suggestion.status)).toEqual(['pending'])
  })

  it('refuses a rejection without a reason and changes nothing', async () => {
    const context = await setup()
    const id = await suggest(context, addQuietly)
    const response = await as(context.server, context.mara).post(`${API}/${id}/reject`, {})
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { id: string } }).error.id).toBe('invalid_request')
    expect((await suggestionsOf(context.server, 'pending')).map((suggestion) => suggestion.id)).toEqual([id])
  })

  it('answers 409 when the suggestion was already decided and 404 when there is none', async () => {
    const context = await setup()
    const id = await suggest(context, addQuietly)
    await as(context.server, context.mara).post(`${API}/${id}/accept`, {})
    const again = await as(context.server, context.mara).post(`${API}/${id}/reject`, { reason: 'Changed my mind.' })
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { id: string } }).error.id).toBe('suggestion_not_pending')
    expect((await as(context.server, context.mara).post(`${API}/no-such-suggestion/accept`, {})).status).toBe(404)
  })

  it('marks a competing suggestion superseded when another is accepted, still crediting its author', async () => {
    const context = await setup()
    const dan = await joinAsContributor(context.server, 'dan')
    const carlas = await suggest(context, (tr, find) => tr.insertText('fifty years', find('a century'), find('a century') + 9))
    await until(() => listSuggestions(contentOf(dan.client.doc)).length === 1, [dan.client.doc], 'update')
    const dans = await suggest(context, (tr, find) => tr.insertText('generations', find('a century'), find('a century') + 9), dan)
    const pending = await suggestionsOf(context.server, 'pending')
    expect(pending.find((suggestion) => suggestion.id === carlas)?.status).toBe('pending')
    await as(context.server, context.mara).post(`${API}/${carlas}/accept`, {})
    const superseded = (await suggestionsOf(context.server, 'superseded'))[0]!
    expect(superseded).toMatchObject({ id: dans, author: dan.person.user.id, inserted: 'generations', deleted: 'a century' })
    expect(superseded.decisions.at(-1)).toMatchObject({ action: 'superseded', supersededBy: carlas })
    expect((await serverContent(context.server, MANIFESTO_ID)).textContent).toContain('the way it was fifty years ago')
  })

  it('reopens a rejected suggestion with the same text, pending again', async () => {
    const context = await setup()
    const id = await suggest(context, addQuietly)
    const pendingContent = (await serverContent(context.server, MANIFESTO_ID)).toJSON()
    await as(context.server, context.mara).post(`${API}/${id}/reject`, { reason: 'Not now.' })
    const reopened = await as(context.server, context.mara).post(`${API}/${id}/reopen`, { reason: 'The members asked for it.' })
    expect(reopened.status).toBe(200)
    expect((await serverContent(context.server, MANIFESTO_ID)).toJSON()).toEqual(pendingContent)
    const [suggestion] = await suggestionsOf(context.server, 'pending')
    expect(suggestion?.decisions.map((decision) => decision.action)).toEqual(['rejected', 'reopened'])
  })

  it('refuses to reopen a suggestion that was accepted', async () => {
    const context = await setup()
    const id = await suggest(context, addQuietly)
    await as(context.server, context.mara).post(`${API}/${id}/accept`, {})
    expect((await as(context.server, context.mara).post(`${API}/${id}/reopen`, {})).status).toBe(409)
  })

  it('lets the author withdraw their own suggestion and nobody else', async () => {
    const context = await setup()
    const id = await suggest(context, addQuietly)
    expect((await as(context.server, context.mara).post(`${API}/${id}/withdraw`)).status).toBe(403)
    expect((await as(context.server, context.carla).post(`${API}/${id}/withdraw`)).status).toBe(200)
    expect((await serverContent(context.server, MANIFESTO_ID)).textContent).toContain('a century ago: drafted by a handful')
    expect((await suggestionsOf(context.server)).map((suggestion) => suggestion.status)).toEqual(['withdrawn'])
  })

  it('keeps the author’s rationale and everyone’s replies with the suggestion', async () => {
    const context = await setup()
    const id = await suggest(context, addQuietly)
    expect((await as(context.server, context.mara).put(`${API}/${id}/rationale`, { text: 'Not mine to explain.' })).status).toBe(403)
    await as(context.server, context.carla).put(`${API}/${id}/rationale`, { text: 'Secrecy is the point of the sentence.' })
    expect((await as(context.server, context.mara).post(`${API}/${id}/replies`, { text: 'Agreed, but see the next line.' })).status).toBe(201)
    expect((await as(context.server, null).post(`${API}/${id}/replies`, { text: 'Anonymous.' })).status).toBe(401)
    const [suggestion] = await suggestionsOf(context.server)
    expect(suggestion?.rationale?.text).toBe('Secrecy is the point of the sentence.')
    expect(suggestion?.replies).toMatchObject([{ author: context.mara.user.id, text: 'Agreed, but see the next line.' }])
  })

  it('rejects every suggestion of one author at once, with one reason', async () => {
    const context = await setup()
    const first = await suggest(context, addQuietly)
    const second = await suggest(context, (tr, find) => tr.insertText(' Truly.', find('too late to change.') + 19))
    const response = await as(context.server, context.mara).post(`${API}/decide`, { action: 'reject', ids: [first, second], reason: 'Off topic.' })
    expect(response.status).toBe(200)
    const rejected = await suggestionsOf(context.server, 'rejected')
    expect(rejected.map((suggestion) => suggestion.decisions.at(-1)?.reason)).toEqual(['Off topic.', 'Off topic.'])
  })

  it('shows how much of accepted text survives and who edited it since', async () => {
    const context = await setup()
    const id = await suggest(context, addQuietly)
    await as(context.server, context.mara).post(`${API}/${id}/accept`, {})
    const maintainer = connectClient(context.server, MANIFESTO_ID, context.mara)
    await maintainer.synced()
    editDirectly(maintainer.doc, (tr, find) => tr.insertText('secretly', find('quietly drafted'), find('quietly drafted') + 7))
    await maintainer.allSaved()
    const [accepted] = await suggestionsOf(context.server, 'accepted')
    expect(accepted?.survival?.of).toBe(8)
    expect(accepted?.survival?.characters).toBeLessThan(8)
    expect(accepted?.survival?.editedBy).toEqual([context.mara.user.id])
  })
})
