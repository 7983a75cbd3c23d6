import { describe, expect, it } from 'vitest'
import { listSuggestions } from '../../editor/schema/suggestion-list'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as } from '../support/accounts'
import { setup, suggest, SUGGESTIONS_API as API } from '../support/review'
import { serverContent } from '../support/server-document'
import { schema, type SuggestEdit } from '../support/suggest-edit'

const preamble = (doc: { textContent: string }) => doc.textContent

describe('suggestion kinds, decided through the API', () => {
  const kinds = [
    {
      kind: 'an insertion',
      edit: (tr: Parameters<SuggestEdit>[0], find: (text: string) => number) => tr.insertText('quietly ', find('drafted by a handful')),
      accepted: 'still made the way it was a century ago: quietly drafted by a handful',
      rejected: 'still made the way it was a century ago: drafted by a handful',
    },
    {
      kind: 'a deletion',
      edit: (tr: Parameters<SuggestEdit>[0], find: (text: string) => number) => tr.delete(find(' a century ago'), find(' a century ago') + 14),
      accepted: 'still made the way it was: drafted',
      rejected: 'still made the way it was a century ago: drafted',
    },
    {
      kind: 'a replacement',
      edit: (tr: Parameters<SuggestEdit>[0], find: (text: string) => number) => tr.insertText('fifty years', find('a century'), find('a century') + 9),
      accepted: 'the way it was fifty years ago',
      rejected: 'the way it was a century ago',
    },
  ]

  for (const { kind, edit, accepted, rejected } of kinds) {
    it(`accepting ${kind} gives the text with the change`, async () => {
      const setupDone = await setup()
      const id = await suggest(setupDone, edit)
      const response = await as(setupDone.server, setupDone.mara).post(`${API}/${id}/accept`, {})
      expect(response.status).toBe(200)
      const content = await serverContent(setupDone.server, MANIFESTO_ID)
      expect(preamble(content)).toContain(accepted)
      expect(listSuggestions(content)).toEqual([])
    })

    it(`rejecting ${kind} gives the text without the change`, async () => {
      const setupDone = await setup()
      const id = await suggest(setupDone, edit)
      const response = await as(setupDone.server, setupDone.mara).post(`${API}/${id}/reject`, { reason: 'Keep the original.' })
      expect(response.status).toBe(200)
      const content = await serverContent(setupDone.server, MANIFESTO_ID)
      expect(preamble(content)).toContain(rejected)
      expect(listSuggestions(content)).toEqual([])
    })
  }

  it('accepting a new paragraph splits the paragraph there', async () => {
    const setupDone = await setup()
    const id = await suggest(setupDone, (tr, find) => tr.split(find('We think that is')))
    const before = (await serverContent(setupDone.server, MANIFESTO_ID)).childCount
    await as(setupDone.server, setupDone.mara).post(`${API}/${id}/accept`, {})
    const content = await serverContent(setupDone.server, MANIFESTO_ID)
    expect(content.childCount).toBe(before)
    expect(listSuggestions(content)).toEqual([])
    const starts = Array.from({ length: content.childCount }, (_, index) => content.child(index).textContent)
    expect(starts.some((text) => text.startsWith('We think that is'))).toBe(true)
  })

  it('rejecting a new paragraph joins the two halves again', async () => {
    const setupDone = await setup()
    const original = await serverContent(setupDone.server, MANIFESTO_ID)
    const id = await suggest(setupDone, (tr, find) => tr.split(find('is too late to change')))
    await as(setupDone.server, setupDone.mara).post(`${API}/${id}/reject`, { reason: 'One paragraph reads better.' })
    expect((await serverContent(setupDone.server, MANIFESTO_ID)).toJSON()).toEqual(original.toJSON())
  })

  it('accepting a formatting change keeps the new formatting, and rejecting undoes it', async () => {
    const setupDone = await setup()
    const original = await serverContent(setupDone.server, MANIFESTO_ID)
    const bold = (tr: Parameters<SuggestEdit>[0], find: (text: string) => number) =>
      tr.addMark(find('wrong way round'), find('wrong way round') + 15, schema.marks.bold!.create())
    const kept = await suggest(setupDone, bold)
    await as(setupDone.server, setupDone.mara).post(`${API}/${kept}/reject`, { reason: 'No emphasis here.' })
    expect((await serverContent(setupDone.server, MANIFESTO_ID)).toJSON()).toEqual(original.toJSON())
    const accepted = await suggest(setupDone, bold)
    await as(setupDone.server, setupDone.mara).post(`${API}/${accepted}/accept`, {})
    const content = await serverContent(setupDone.server, MANIFESTO_ID)
    let boldText = ''
    content.descendants((node) => {
      if (node.isText && node.marks.some((mark) => mark.type.name === 'bold')) boldText += node.text
    })
    expect(boldText).toContain('wrong way round')
    expect(listSuggestions(content)).toEqual([])
  })
})
