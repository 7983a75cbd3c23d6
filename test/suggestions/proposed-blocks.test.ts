import { describe, expect, it } from 'vitest'
import { listSuggestions } from '../../model/schema/suggestion-list'
import { suggestParagraph } from '../support/clients'
import { until } from '../support/events'
import { as } from '../support/accounts'
import { joinAsContributor, setup, suggest, SUGGESTIONS_API } from '../support/review'
import { contentOf } from '../support/suggest-edit'

describe('a proposed paragraph with someone else’s suggestion in it', () => {
  // Regression: deleting one's own proposed paragraph deleted the suggestions others had made inside it,
  // which the server (rightly) refuses, so the editor was closed with 4422.
  it('keeps the other person’s suggestion when its author deletes the paragraph, and the server accepts that', async () => {
    const context = await setup()
    const dan = await joinAsContributor(context.server, 'dan')
    suggestParagraph(context.contributor.doc, 'Carla proposes this paragraph.', context.carla.user.id)
    await context.contributor.allSaved()
    await until(() => contentOf(dan.client.doc).textContent.includes('Carla proposes'), [dan.client.doc], 'update')
    await suggest(context, (tr, find) => tr.insertText('Dan adds. ', find('this paragraph')), dan)
    await until(() => contentOf(context.contributor.doc).textContent.includes('Dan adds.'), [context.contributor.doc], 'update')

    await suggest(context, (tr, find) => tr.delete(find('Carla proposes') - 1, tr.doc.content.size))

    expect(context.contributor.provider.wsconnected).toBe(true)
    const left = listSuggestions(contentOf(context.contributor.doc))
    expect(left.find((suggestion) => suggestion.author === dan.person.user.id)?.inserted).toBe('Dan adds. ')
    expect(contentOf(context.contributor.doc).textContent).not.toContain('Carla proposes')
  })

  it('records the suggestions inside a proposed paragraph as rejected, with why, when the paragraph is rejected', async () => {
    const context = await setup()
    const dan = await joinAsContributor(context.server, 'dan')
    const carlas = 'carlas-paragraph'
    suggestParagraph(context.contributor.doc, 'Carla proposes this paragraph.', context.carla.user.id, carlas)
    await context.contributor.allSaved()
    await until(() => contentOf(dan.client.doc).textContent.includes('Carla proposes'), [dan.client.doc], 'update')
    const dans = await suggest(context, (tr, find) => tr.insertText('Dan adds. ', find('this paragraph')), dan)
    await as(context.server, context.mara).post(`${SUGGESTIONS_API}/${carlas}/reject`, { reason: 'Not needed.' })
    const { suggestions } = (await (await as(context.server, null).get(`${SUGGESTIONS_API}?status=rejected`)).json()) as {
      suggestions: Array<{ id: string; inserted: string; decisions: Array<{ reason: string }> }>
    }
    const swept = suggestions.find((suggestion) => suggestion.id === dans)
    expect(swept?.inserted).toBe('Dan adds. ')
    expect(swept?.decisions.at(-1)?.reason).toMatch(/inside a new paragraph someone else proposed/)
  })
})
