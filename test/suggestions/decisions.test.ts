import { describe, expect, it } from 'vitest'
import { listSuggestions } from '../../model/schema/suggestion-list'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as } from '../support/accounts'
import { connectClient } from '../support/clients'
import { setup, suggest, SUGGESTIONS_API as API, type Setup } from '../support/review'
import { serverContent } from '../support/server-document'
import { editDirectly, schema, type SuggestEdit } from '../support/suggest-edit'

const insertion: SuggestEdit = (tr, find) => tr.insertText('quietly ', find('drafted by a handful'))
const deletion: SuggestEdit = (tr, find) => tr.delete(find(' a century ago'), find(' a century ago') + 14)
const replacement: SuggestEdit = (tr, find) => tr.insertText('fifty years', find('a century'), find('a century') + 9)
const paragraphBreak: SuggestEdit = (tr, find) => tr.split(find('is too late to change'))
const bold: SuggestEdit = (tr, find) => tr.addMark(find('wrong way round'), find('wrong way round') + 15, schema.marks.bold!.create())
const headingChange: SuggestEdit = (tr, find) => tr.setBlockType(find('We think'), find('We think'), schema.nodes.heading!, { level: 2 })
const list: SuggestEdit = (tr, find) => tr.wrap(tr.doc.resolve(find('We think')).blockRange()!, [{ type: schema.nodes.bulletList! }, { type: schema.nodes.listItem! }])

const KINDS = [
  { kind: 'an insertion', edit: insertion },
  { kind: 'a deletion', edit: deletion },
  { kind: 'a replacement', edit: replacement },
  { kind: 'a new paragraph', edit: paragraphBreak },
  { kind: 'a formatting change', edit: bold },
  { kind: 'a change of block type', edit: headingChange },
  { kind: 'a list', edit: list },
]

const contentNow = async (context: Setup) => serverContent(context.server, MANIFESTO_ID)

/** The top-level blocks' text, one string each. */
const blocksOf = (content: Awaited<ReturnType<typeof contentNow>>) => Array.from({ length: content.childCount }, (_, index) => content.child(index).textContent)

function boldTextOf(content: Awaited<ReturnType<typeof contentNow>>): string {
  let text = ''
  content.descendants((node) => {
    if (node.isText && node.marks.some((mark) => mark.type.name === 'bold')) text += node.text
  })
  return text
}

describe('suggestion kinds, decided through the API', () => {
  const outcomes: Array<{ kind: string; edit: SuggestEdit; accepted: (content: Awaited<ReturnType<typeof contentNow>>) => void }> = [
    { kind: 'an insertion', edit: insertion, accepted: (content) => expect(content.textContent).toContain('a century ago: quietly drafted by a handful') },
    { kind: 'a deletion', edit: deletion, accepted: (content) => expect(content.textContent).toContain('still made the way it was: drafted') },
    { kind: 'a replacement', edit: replacement, accepted: (content) => expect(content.textContent).toContain('the way it was fifty years ago') },
    {
      kind: 'a new paragraph',
      edit: paragraphBreak,
      accepted: (content) => expect(blocksOf(content).some((text) => text.startsWith('is too late to change'))).toBe(true),
    },
    { kind: 'a formatting change', edit: bold, accepted: (content) => expect(boldTextOf(content)).toContain('wrong way round') },
    {
      kind: 'a change of block type',
      edit: headingChange,
      accepted: (content) => {
        const block = blocksOf(content).findIndex((text) => text.startsWith('We think'))
        expect(content.child(block).type.name).toBe('heading')
        expect(content.child(block).attrs.level).toBe(2)
      },
    },
    {
      kind: 'a list',
      edit: list,
      accepted: (content) => {
        const block = blocksOf(content).findIndex((text) => text.startsWith('We think'))
        expect(content.child(block).type.name).toBe('bulletList')
      },
    },
  ]

  for (const { kind, edit, accepted } of outcomes) {
    it(`accepting ${kind} gives the text with the change, and no suggestion left`, async () => {
      const context = await setup()
      const id = await suggest(context, edit)
      expect((await as(context.server, context.mara).post(`${API}/${id}/accept`, {})).status).toBe(200)
      const content = await contentNow(context)
      accepted(content)
      expect(listSuggestions(content)).toEqual([])
    })
  }

  for (const { kind, edit } of KINDS) {
    it(`rejecting ${kind} gives back exactly the original document`, async () => {
      const context = await setup()
      const original = (await contentNow(context)).toJSON()
      const id = await suggest(context, edit)
      expect((await as(context.server, context.mara).post(`${API}/${id}/reject`, { reason: 'Keep the original.' })).status).toBe(200)
      expect((await contentNow(context)).toJSON()).toEqual(original)
    })

    it(`withdrawing ${kind} gives back exactly the original document`, async () => {
      const context = await setup()
      const original = (await contentNow(context)).toJSON()
      const id = await suggest(context, edit)
      expect((await as(context.server, context.carla).post(`${API}/${id}/withdraw`)).status).toBe(200)
      expect((await contentNow(context)).toJSON()).toEqual(original)
    })
  }
})

describe('who is credited when a suggestion is decided', () => {
  interface Authorship {
    text: string
    ranges: Array<{ from: number; to: number; author: string | null }>
  }
  const authorsOf = async (context: Setup, passage: string) => {
    const { text, ranges } = (await (await as(context.server, null).get(`/api/documents/${MANIFESTO_ID}/authorship`)).json()) as Authorship
    const at = text.indexOf(passage)
    expect(at).toBeGreaterThanOrEqual(0)
    return [...new Set(ranges.filter((range) => range.from < at + passage.length && range.to > at).map((range) => range.author))]
  }
  const deletedBy = async (context: Setup, personId: string) => {
    const { contributors } = (await (await as(context.server, null).get(`/api/documents/${MANIFESTO_ID}/contributors`)).json()) as {
      contributors: Array<{ person: { id: string } | null; deleted: number }>
    }
    return contributors.find((contributor) => contributor.person?.id === personId)?.deleted ?? 0
  }

  it('keeps an accepted insertion credited to the contributor who proposed it', async () => {
    const context = await setup()
    const id = await suggest(context, insertion)
    await as(context.server, context.mara).post(`${API}/${id}/accept`, { reason: 'Sharper.' })
    expect(await authorsOf(context, 'quietly ')).toEqual([context.carla.user.id])
  })

  it('credits an accepted deletion to the contributor who proposed it, not to the maintainer', async () => {
    const context = await setup()
    const id = await suggest(context, deletion)
    await as(context.server, context.mara).post(`${API}/${id}/accept`, {})
    expect(await deletedBy(context, context.carla.user.id)).toBe(' a century ago'.length)
    expect(await deletedBy(context, context.mara.user.id)).toBe(0)
  })

  it('leaves the words of an accepted paragraph break with their writer', async () => {
    const context = await setup()
    const id = await suggest(context, paragraphBreak)
    await as(context.server, context.mara).post(`${API}/${id}/accept`, {})
    expect(await authorsOf(context, 'is too late to change')).toEqual([null])
  })

  it('leaves the words of an accepted formatting change with their writer', async () => {
    const context = await setup()
    const id = await suggest(context, bold)
    await as(context.server, context.mara).post(`${API}/${id}/accept`, {})
    expect(await authorsOf(context, 'wrong way round')).toEqual([null])
  })

  // "a century" with an "a" typed before it: the string alone cannot tell which of the two is new.
  const doubledLetter: SuggestEdit = (tr, find) => tr.insertText('a', find('a century'))

  it('leaves the letter after a typed one with its writer when the same letter is typed and rejected', async () => {
    const context = await setup()
    const id = await suggest(context, doubledLetter)
    await as(context.server, context.mara).post(`${API}/${id}/reject`, { reason: 'A typo.' })
    expect(await authorsOf(context, 'a century ago')).toEqual([null])
  })

  it('credits a typed letter to its proposer, not the same letter after it, when it is accepted', async () => {
    const context = await setup()
    const id = await suggest(context, doubledLetter)
    await as(context.server, context.mara).post(`${API}/${id}/accept`, {})
    expect(await authorsOf(context, 'aa century')).toEqual([context.carla.user.id, null])
    expect(await authorsOf(context, 'a century ago')).toEqual([null])
  })

  it('keeps an emoji whole when the same one is typed before it, and credits each to its writer', async () => {
    const context = await setup()
    const maintainer = connectClient(context.server, MANIFESTO_ID, context.mara)
    await maintainer.synced()
    editDirectly(maintainer.doc, (tr, find) => tr.insertText('🙂 ', find('Most policy')))
    await maintainer.allSaved()
    await context.contributor.synced()
    const id = await suggest(context, (tr, find) => tr.insertText('🙂', find('🙂 Most policy')))
    await as(context.server, context.mara).post(`${API}/${id}/accept`, {})
    expect((await contentNow(context)).textContent).toContain('🙂🙂 Most policy')
    expect(await authorsOf(context, '🙂🙂')).toEqual([context.carla.user.id, context.mara.user.id])
    maintainer.destroy()
  })

  it('credits the removal of a rejected insertion to the maintainer who rejected it', async () => {
    const context = await setup()
    const id = await suggest(context, insertion)
    await as(context.server, context.mara).post(`${API}/${id}/reject`, { reason: 'No.' })
    expect(await deletedBy(context, context.mara.user.id)).toBe('quietly '.length)
  })

  it('leaves the words of a paragraph with their writer when a change of its type is accepted or rejected', async () => {
    const context = await setup()
    const rejected = await suggest(context, headingChange)
    await as(context.server, context.mara).post(`${API}/${rejected}/reject`, { reason: 'Not a heading.' })
    expect(await authorsOf(context, 'We think that is the wrong way round.')).toEqual([null])
    const accepted = await suggest(context, headingChange)
    await as(context.server, context.mara).post(`${API}/${accepted}/accept`, {})
    expect(await authorsOf(context, 'We think that is the wrong way round.')).toEqual([null])
  })

  it('leaves the words of a paragraph with their writer when putting it in a list is accepted or rejected', async () => {
    const context = await setup()
    const rejected = await suggest(context, list)
    await as(context.server, context.mara).post(`${API}/${rejected}/reject`, { reason: 'Not a list.' })
    expect(await authorsOf(context, 'We think that is the wrong way round.')).toEqual([null])
    const accepted = await suggest(context, list)
    await as(context.server, context.mara).post(`${API}/${accepted}/accept`, {})
    expect(await authorsOf(context, 'We think that is the wrong way round.')).toEqual([null])
  })
})
