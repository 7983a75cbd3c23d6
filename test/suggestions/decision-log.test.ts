import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as } from '../support/accounts'
import { setup, suggest, SUGGESTIONS_API as API } from '../support/review'
import { startServer } from '../support/server'
import { schema, type SuggestEdit } from '../support/suggest-edit'

const LOG = `/api/documents/${MANIFESTO_ID}/decisions`
const addQuietly: SuggestEdit = (tr, find) => tr.insertText('quietly ', find('drafted by a handful'))
const addTruly: SuggestEdit = (tr, find) => tr.insertText(' Truly.', find('too late to change.') + 19)

interface LogJson {
  decisions: Array<{ action: string; by: string; reason: string | null; suggestion: { id: string; author: string; inserted: string } }>
}

describe('the public Decisions log', () => {
  it('lists every decision, newest first, with who, the text and the reason, to anonymous readers', async () => {
    const context = await setup()
    const accepted = await suggest(context, addQuietly)
    const rejected = await suggest(context, addTruly)
    await as(context.server, context.mara).post(`${API}/${accepted}/accept`, { reason: 'Sharper.' })
    await as(context.server, context.mara).post(`${API}/${rejected}/reject`, { reason: 'Too emphatic.' })
    const response = await as(context.server, null).get(LOG)
    expect(response.status).toBe(200)
    const { decisions } = (await response.json()) as LogJson
    expect(decisions).toMatchObject([
      { action: 'rejected', by: context.mara.user.id, reason: 'Too emphatic.', suggestion: { id: rejected, author: context.carla.user.id, inserted: ' Truly.' } },
      { action: 'accepted', by: context.mara.user.id, reason: 'Sharper.', suggestion: { id: accepted, author: context.carla.user.id, inserted: 'quietly ' } },
    ])
  })

  it('offers the log as an Atom feed with one entry per decision', async () => {
    const context = await setup()
    const id = await suggest(context, addTruly)
    await as(context.server, context.mara).post(`${API}/${id}/reject`, { reason: 'Too <emphatic> & loud.' })
    const response = await as(context.server, null).get(`${LOG}.atom`)
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/)
    const feed = await response.text()
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">')
    expect(feed.match(/<entry>/g)).toHaveLength(1)
    expect(feed).toContain('Rejected by Mara.')
    expect(feed).toContain('Reason: Too &#60;emphatic&#62; &#38; loud.')
    expect(feed).toContain('Suggested by Carla')
  })

  it('keeps decisions, rationales and replies after a restart', async () => {
    const context = await setup()
    const id = await suggest(context, addQuietly)
    await as(context.server, context.carla).put(`${API}/${id}/rationale`, { text: 'Say what happens.' })
    await as(context.server, context.mara).post(`${API}/${id}/accept`, { reason: 'Sharper.' })
    context.contributor.destroy()
    await context.server.stop()
    const restarted = await startServer({ dataDir: context.server.dataDir })
    const { suggestions } = (await (await as(restarted, null).get(API)).json()) as {
      suggestions: Array<{ status: string; rationale: { text: string }; survival: { characters: number } }>
    }
    expect(suggestions).toMatchObject([{ status: 'accepted', rationale: { text: 'Say what happens.' }, survival: { characters: 8 } }])
  })

  it('names a change of block type in the log and the feed', async () => {
    const context = await setup()
    const id = await suggest(context, (tr, find) => tr.setBlockType(find('We think that is'), find('We think that is'), schema.nodes.heading!, { level: 2 }))
    await as(context.server, context.mara).post(`${API}/${id}/reject`, { reason: 'Not a heading.' })
    const { decisions } = (await (await as(context.server, null).get(LOG)).json()) as { decisions: Array<{ suggestion: { retype: unknown } }> }
    expect(decisions[0]?.suggestion.retype).toEqual({ from: 'paragraph', to: 'heading 2' })
    expect(await (await as(context.server, null).get(`${LOG}.atom`)).text()).toContain('change paragraph to heading 2')
  })
})
