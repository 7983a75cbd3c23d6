import { describe, expect, it } from 'vitest'
import { listSuggestions } from '../../editor/schema/suggestion-list'
import { suggestParagraph } from '../support/clients'
import { until } from '../support/events'
import { joinAsContributor, setup, suggest } from '../support/review'
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
})
