import { describe, expect, it } from 'vitest'
import { textInDocumentPath } from '../../editor/contributors/paths'
import { reopenableDecisions } from '../../editor/decisions/reopenable'
import type { DecisionLogEntry } from '../../editor/http/suggestions'

function entry(id: string, suggestion: string, action: DecisionLogEntry['action']): DecisionLogEntry {
  return { id, action, by: 'mara', at: '2026-11-22T10:00:00.000Z', reason: null, suggestion: { id: suggestion, createdAt: null } }
}

describe('which decisions a maintainer may reopen from the log', () => {
  it('offers only the latest decision on each suggestion, and only a rejection or a superseding', () => {
    const log = [
      entry('d5', 'c', 'superseded'),
      entry('d4', 'b', 'accepted'),
      entry('d3', 'a', 'reopened'),
      entry('d2', 'a', 'rejected'),
      entry('d1', 'd', 'rejected'),
    ]
    expect([...reopenableDecisions(log)]).toEqual(['d5', 'd1'])
  })
})

describe('the link to where accepted text stands in the document', () => {
  it('asks the document to find the first 60 characters, without the space before them, encoded', () => {
    const text = ` ${'word '.repeat(20)}`
    expect(textInDocumentPath('doc 1', text)).toBe(`/d/doc%201?find=${encodeURIComponent('word '.repeat(12))}`)
  })

  it('never cuts an emoji in half at the limit', () => {
    const text = `${'a'.repeat(59)}😀 and more`
    expect(decodeURIComponent(textInDocumentPath('d', text).split('find=')[1]!)).toBe('a'.repeat(59))
  })
})
