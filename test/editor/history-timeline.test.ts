import { getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import type { VersionSummary } from '../../editor/http/history'
import { namedMarks, stepFraction, stepOf } from '../../editor/history/timeline'
import { hasText } from '../../editor/history/has-text'
import { safeColour, VersionChange } from '../../editor/history/version-change'
import { documentExtensions } from '../../model/schema/extensions'

function version(number: number, name: string | null = null): VersionSummary {
  return {
    id: `v${number}`, number, at: '2026-11-03T14:02:00Z', kind: name ? 'named' : 'edits', name, note: null, namedBy: null,
    people: [], added: 0, removed: 0, decisions: [], restoredFrom: null,
  }
}

describe('the timeline', () => {
  it('spreads the versions from the left end to the right end, one step each', () => {
    expect([0, 1, 2, 3, 4].map((index) => stepFraction(index, 5))).toEqual([0, 0.25, 0.5, 0.75, 1])
    expect(stepFraction(0, 1)).toBe(1)
  })

  it('marks the named versions at their steps', () => {
    const versions = [version(1), version(2, 'Draft 1'), version(3), version(4), version(5, 'Draft 2')]
    expect(namedMarks(versions).map((mark) => [mark.index, mark.fraction, mark.version.name])).toEqual([
      [1, 0.25, 'Draft 1'],
      [4, 1, 'Draft 2'],
    ])
  })

  it('finds a chosen version’s step, and falls back to the newest for one no longer listed', () => {
    const versions = [version(1), version(2), version(3)]
    expect(stepOf(versions, 'v2')).toBe(1)
    expect(stepOf(versions, null)).toBe(2)
    expect(stepOf(versions, 'gone')).toBe(2)
  })
})

describe('the versionChange mark', () => {
  const person = { id: 'c', username: 'carla', displayName: 'Carla', color: '#c2410c' }
  const schema = getSchema([
    ...documentExtensions(),
    VersionChange.configure({ personOf: (id) => (id === 'c' ? person : undefined), now: new Date('2026-11-22T12:00:00Z') }),
  ])

  it('renders added text as <ins> carrying its writer, their colour and a title', () => {
    const mark = schema.marks.versionChange!.create({ kind: 'added', by: 'c', at: '2026-11-03T14:02:00Z' })
    const [tag, attrs] = schema.marks.versionChange!.spec.toDOM!(mark, true) as [string, Record<string, string>]
    expect(tag).toBe('ins')
    expect(attrs['data-change']).toBe('added')
    expect(attrs['data-by']).toBe('carla')
    expect(attrs.style).toBe('--change-colour: #c2410c')
    expect(attrs.title).toMatch(/^Added by Carla · /)
  })

  it('renders removed text by nobody named as <del> with an empty data-by and no colour', () => {
    const mark = schema.marks.versionChange!.create({ kind: 'removed', by: null, at: null })
    const [tag, attrs] = schema.marks.versionChange!.spec.toDOM!(mark, true) as [string, Record<string, string>]
    expect(tag).toBe('del')
    expect(attrs['data-by']).toBe('')
    expect(attrs.title).toBe('Deleted')
    expect(attrs.style).toBeUndefined()
  })

  it('lets only a hex colour into a style attribute', () => {
    expect(safeColour('#abcdef')).toBe('#abcdef')
    expect(safeColour('red; background: url(x)')).toBeNull()
    expect(safeColour(undefined)).toBeNull()
  })
})

describe('telling an unreadable version from an empty one', () => {
  it('finds text anywhere in a document, and none in empty paragraphs', () => {
    expect(hasText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe(false)
    expect(hasText({ type: 'doc', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] }] }] })).toBe(true)
  })
})

describe('a change mark in a code block', () => {
  it('is drawn rather than refused: the comparison marks deleted code too', () => {
    const schema = getSchema([...documentExtensions(), VersionChange])
    const json = {
      type: 'doc',
      content: [{ type: 'codeBlock', content: [{ type: 'text', text: 'x = 1', marks: [{ type: 'versionChange', attrs: { kind: 'removed', by: null, at: null } }] }] }],
    }
    expect(schema.nodeFromJSON(json).textContent).toBe('x = 1')
  })
})
