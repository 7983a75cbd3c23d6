import { describe, expect, it } from 'vitest'
import { EXCERPT_LENGTH, excerpt } from '../../editor/contributors/excerpt'
import { nothingSurviving } from '../../editor/contributors/nothing-surviving'
import { groupBySection } from '../../editor/contributors/passage-groups'
import { sectionName } from '../../editor/contributors/section-name'
import type { Contributor, Passage } from '../../editor/http/attribution'

const passage = (from: number, section: string | null, text = 'words'): Passage => ({
  from,
  to: from + text.length,
  text,
  section,
  time: null,
})

describe('grouping passages by section', () => {
  it('groups neighbouring passages under their section, in document order', () => {
    const groups = groupBySection([passage(40, 'Why'), passage(0, null), passage(60, 'Why'), passage(90, 'How')])
    expect(groups.map((group) => [group.section, group.passages.map((entry) => entry.from)])).toEqual([
      [null, [0]],
      ['Why', [40, 60]],
      ['How', [90]],
    ])
  })

  it('keeps two sections with the same heading apart', () => {
    const groups = groupBySection([passage(0, 'Notes'), passage(50, 'Other'), passage(90, 'Notes')])
    expect(groups.map((group) => group.section)).toEqual(['Notes', 'Other', 'Notes'])
  })

  it('has no groups for no passages', () => {
    expect(groupBySection([])).toEqual([])
  })

  it('names the opening and an emptied heading', () => {
    expect(sectionName(null)).toBe('Opening')
    expect(sectionName('  ')).toBe('Untitled section')
    expect(sectionName('Preamble')).toBe('Preamble')
  })
})

describe('excerpts of passages', () => {
  it('keeps a short passage whole', () => {
    expect(excerpt('  A short passage.  ')).toEqual({ text: 'A short passage.', trimmed: false })
  })

  it('cuts a long passage at a word before the limit and ends it with an ellipsis', () => {
    const text = 'word '.repeat(100)
    const result = excerpt(text)
    expect(result.trimmed).toBe(true)
    expect(result.text.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 1)
    expect(result.text).toMatch(/ word…$/)
  })

  it('drops punctuation left hanging before the ellipsis', () => {
    expect(excerpt('alpha beta, gamma delta', 12).text).toBe('alpha beta…')
  })

  it('cuts a single very long word where the limit falls', () => {
    expect(excerpt(`see ${'x'.repeat(200)}`, 100).text).toBe(`see ${'x'.repeat(96)}…`)
  })

  it('never cuts an emoji in half', () => {
    const result = excerpt(`${'a'.repeat(9)}😀 and more`, 10)
    expect(result.text).toBe(`${'a'.repeat(9)}…`)
  })
})

describe('saying that nothing of someone’s survives', () => {
  const numbers = (written: number, deleted: number): Contributor => ({
    person: null,
    surviving: 0,
    written,
    deleted,
    firstContribution: null,
    lastContribution: null,
  })

  it('says what became of the writing of someone whose words were all deleted', () => {
    expect(nothingSurviving('Ada', numbers(1200, 0))).toBe(
      `Nothing Ada wrote is in the text now: the ${(1200).toLocaleString()} characters they wrote have all been deleted since.`,
    )
  })

  it('says what someone did who only deleted', () => {
    expect(nothingSurviving('Ben', numbers(0, 1))).toBe('Ben hasn’t written anything in this document, but has deleted 1 character.')
  })

  it('says plainly that someone has not contributed', () => {
    expect(nothingSurviving('Cy', numbers(0, 0))).toBe('Cy hasn’t contributed to this document yet.')
  })
})
