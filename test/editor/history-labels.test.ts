import { describe, expect, it } from 'vitest'
import type { HistoryPeople, VersionSummary } from '../../editor/http/history'
import { changeTitle } from '../../editor/history/change-title'
import { comparisonEndName } from '../../editor/history/comparison-ends'
import { versionsSince } from '../../editor/history/last-visit'
import { comparePath, historyPath, versionPagePath } from '../../editor/history/paths'
import { sharesByWeight } from '../../editor/history/shares'
import { changeSummary, kindLabel, peopleNames, versionHeadline, versionMoment } from '../../editor/history/version-labels'

const NOW = new Date('2026-11-22T12:00:00Z')
const people: HistoryPeople = {
  c: { id: 'c', username: 'carla', displayName: 'Carla', color: '#c2410c' },
  d: { id: 'd', username: 'dan', displayName: 'Dan', color: '#1d4ed8' },
}

function version(number: number, changes: Partial<VersionSummary> = {}): VersionSummary {
  return {
    id: `v${number}`,
    number,
    at: '2026-11-03T14:02:00Z',
    kind: 'edits',
    name: null,
    note: null,
    namedBy: null,
    people: [],
    added: 0,
    removed: 0,
    decisions: [],
    restoredFrom: null,
    ...changes,
  }
}

describe('how a version is named for people', () => {
  it('says how much a version changed with a plus and a true minus sign', () => {
    expect(changeSummary(120, 30)).toBe('+120 \u221230 characters')
    expect(changeSummary(1, 0)).toBe('+1 \u22120 character')
  })

  it('says why a version was recorded, naming the version a restore came from', () => {
    const numbers = new Map([['v3', 3]])
    const numberOf = (id: string) => numbers.get(id)
    expect(kindLabel(version(1), numberOf)).toBe('Edits')
    expect(kindLabel(version(2, { kind: 'decision' }), numberOf)).toBe('After a decision')
    expect(kindLabel(version(4, { kind: 'named', name: 'Draft' }), numberOf)).toBe('Named')
    expect(kindLabel(version(4, { kind: 'named', name: 'Draft', namedBy: 'd' }), numberOf, people)).toBe('Named by Dan')
    expect(kindLabel(version(5, { kind: 'restore', restoredFrom: 'v3' }), numberOf)).toBe('Restored from #3')
    expect(kindLabel(version(6, { kind: 'restore', restoredFrom: 'gone' }), numberOf)).toBe('Restored from an earlier version')
  })

  it('gives the day and minute of a version, and the year only when it is not this year', () => {
    expect(versionMoment('2026-11-03T14:02:00', NOW, 'en-GB')).toBe('3 Nov, 14:02')
    expect(versionMoment('2025-11-03T14:02:00', NOW, 'en-GB')).toBe('3 Nov 2025, 14:02')
    expect(versionMoment('not a time', NOW, 'en-GB')).toBe('')
  })

  it('heads a version page with its number, moment and people', () => {
    const twelve = version(12, { at: '2026-11-03T14:02:00', people: ['c', 'd'] })
    expect(versionHeadline(twelve, people, NOW, 'en-GB')).toBe('Version 12 · 3 Nov, 14:02 · Carla, Dan')
    expect(versionHeadline(version(1, { at: '2026-11-03T14:02:00' }), people, NOW, 'en-GB')).toBe('Version 1 · 3 Nov, 14:02')
  })

  it('names someone the server no longer names as someone', () => {
    expect(peopleNames(['c', 'x'], people)).toEqual(['Carla', 'someone'])
  })
})

describe('the title on a changed piece of text', () => {
  it('names who added or deleted it and when', () => {
    expect(changeTitle('added', 'Carla', '2026-11-03T14:02:00', NOW, 'en-GB')).toBe('Added by Carla · 3 Nov, 14:02')
    expect(changeTitle('removed', 'Dan', '2026-11-03T14:02:00', NOW, 'en-GB')).toBe('Deleted by Dan · 3 Nov, 14:02')
  })

  it('leaves out the person or the time when there is none', () => {
    expect(changeTitle('added', null, null, NOW)).toBe('Added')
    expect(changeTitle('removed', 'Dan', null, NOW)).toBe('Deleted by Dan')
  })
})

describe('the ends of a comparison', () => {
  it('names a version by number and name, the current text, and the last visit by its time', () => {
    expect(comparisonEndName({ id: 'v3', number: 3, at: '2026-11-03T14:02:00', name: 'Draft 1' }, NOW)).toBe('Version 3 “Draft 1”')
    expect(comparisonEndName({ id: 'current', number: null, at: '2026-11-22T12:00:00', name: null }, NOW)).toBe('The current text')
    expect(comparisonEndName({ id: 'last-visit', number: null, at: '2026-11-03T14:02:00', name: null }, NOW, 'en-GB')).toBe(
      'Your last visit (3 Nov, 14:02)',
    )
  })
})

describe('changes since a last visit', () => {
  it('counts the versions recorded after the visit', () => {
    const versions = [version(1, { at: '2026-11-01T10:00:00Z' }), version(2, { at: '2026-11-02T10:00:00Z' }), version(3, { at: '2026-11-03T10:00:00Z' })]
    expect(versionsSince(versions, '2026-11-01T12:00:00Z')).toBe(2)
    expect(versionsSince(versions, '2026-11-04T00:00:00Z')).toBe(0)
  })
})

describe('people’s shares of a change', () => {
  it('puts the biggest change first and keeps the server’s order between equals', () => {
    const shares = [
      { person: 'c', added: 3, removed: 0 },
      { person: null, added: 0, removed: 10 },
      { person: 'd', added: 2, removed: 1 },
    ]
    expect(sharesByWeight(shares).map((share) => share.person)).toEqual([null, 'c', 'd'])
  })
})

describe('the history addresses', () => {
  it('puts the history, a version and a comparison under the document', () => {
    expect(historyPath('doc 1')).toBe('/d/doc%201/history')
    expect(versionPagePath('doc', 'v/1')).toBe('/d/doc/v/v%2F1')
    expect(comparePath('doc', 'v1')).toBe('/d/doc/compare?from=v1&to=current')
    expect(comparePath('doc', 'last-visit', 'v9')).toBe('/d/doc/compare?from=last-visit&to=v9')
  })
})
