import { describe, expect, it, onTestFinished } from 'vitest'
import { readAuthorship } from '../../server/attribution/authorship'
import { createDocumentModel } from '../../server/documents/content'
import { replayAsAuthors } from '../support/authored-replay'
import { loadTrace, type Trace } from '../support/traces'


/**
 * Characters written by a transaction that also deleted may repeat moved text, so either
 * author is right for them: they are null here.
 *
 * Who should be credited with each UTF-16 unit of the final text: the trace applied to plain
 * text, each character remembering who typed it. Splitting or joining lines moves nobody's words.
 */
function expectedAuthors(trace: Trace, authorOf: (transaction: number) => string): Array<string | null> {
  const characters: Array<{ value: string; author: string | null }> = []
  for (const [number, { patches }] of trace.txns.entries()) {
    const rewrites = patches.some(([, deleted]) => deleted > 0) && patches.some(([, , inserted]) => inserted.length > 0)
    const author = rewrites ? null : authorOf(number)
    for (const [position, deleted, inserted] of patches) {
      characters.splice(position, deleted, ...[...inserted].map((value) => ({ value, author })))
    }
  }
  return characters.flatMap(({ value, author }) => Array<string | null>(value.length).fill(author))
}

describe('attribution of a real editing trace', () => {
  it('credits every character of seph-blog1, written by three people in turns, to the person who typed it', async () => {
    const trace = loadTrace('seph-blog1')
    const { room, attribution, authorOf } = await replayAsAuthors(trace, { authors: ['ada', 'ben', 'cy'], turn: 300, msPerTransaction: 200 })
    onTestFinished(() => room.destroy())

    const authorship = readAuthorship(room.doc, attribution, createDocumentModel().schema)
    expect(authorship.text).toBe(trace.endContent)
    const actual = Array<string | null>(authorship.text.length).fill(null)
    for (const range of authorship.ranges) actual.fill(range.author, range.from, range.to)
    const expected = expectedAuthors(trace, authorOf)
    const wrong: number[] = []
    let unchecked = 0
    for (const [offset, author] of expected.entries()) {
      if (authorship.text[offset] === '\n') continue
      if (author === null) unchecked++
      else if (actual[offset] !== author) wrong.push(offset)
    }
    expect(wrong.map((offset) => authorship.text.slice(offset - 10, offset + 10))).toEqual([])
    // Most of the text is checked: rewrites are a small part of real writing.
    expect(unchecked / expected.length).toBeLessThan(0.2)
  }, 120_000)
})
