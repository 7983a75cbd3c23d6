import { describe, expect, it } from 'vitest'
import { DEFAULT_SORT, nextSort, sortContributors } from '../../editor/contributors/contributor-sort'
import type { ContributorRow } from '../../editor/contributors/contributor-row'

const person = (username: string, displayName: string) => ({ id: `id-${username}`, username, displayName, color: '#b3261e' })

function contributor(who: string | null, numbers: Partial<Omit<ContributorRow, 'person'>> = {}): ContributorRow {
  return {
    person: who === null ? null : person(who.toLowerCase(), who),
    surviving: 0,
    written: 0,
    deleted: 0,
    firstContribution: null,
    lastContribution: null,
    suggested: 0,
    accepted: 0,
    rejected: 0,
    ...numbers,
  }
}

const names = (contributors: ContributorRow[]) => contributors.map((entry) => entry.person?.displayName ?? 'starter')

const ada = contributor('Ada', {
  surviving: 10,
  written: 20,
  firstContribution: '2025-01-02T00:00:00Z',
  lastContribution: '2025-03-01T00:00:00Z',
})
const ben = contributor('Ben', {
  surviving: 40,
  written: 40,
  deleted: 7,
  firstContribution: '2025-01-05T00:00:00Z',
  lastContribution: '2025-02-01T00:00:00Z',
})
const starter = contributor(null, { surviving: 30, written: 30 })
const everyone = [ada, starter, ben]

describe('sorting contributors', () => {
  it('puts the most characters in the text now first by default', () => {
    expect(names(sortContributors(everyone, DEFAULT_SORT))).toEqual(['Ben', 'starter', 'Ada'])
  })

  it('sorts a number column largest first on the first click and flips on the second', () => {
    const first = nextSort(DEFAULT_SORT, 'deleted')
    expect(first).toEqual({ key: 'deleted', direction: 'descending' })
    expect(names(sortContributors(everyone, first))).toEqual(['Ben', 'starter', 'Ada'])
    const second = nextSort(first, 'deleted')
    expect(second).toEqual({ key: 'deleted', direction: 'ascending' })
    expect(names(sortContributors(everyone, second))[2]).toBe('Ben')
  })

  it('sorts suggestion counts most first, like every count, and puts people without suggestions after', () => {
    const cy = contributor('Cy', { suggested: 3, accepted: 1, rejected: 2 })
    const dee = contributor('Dee', { suggested: 5, accepted: 4 })
    expect(names(sortContributors([ada, cy, dee], nextSort(DEFAULT_SORT, 'suggested')))).toEqual(['Dee', 'Cy', 'Ada'])
    expect(names(sortContributors([ada, cy, dee], nextSort(DEFAULT_SORT, 'rejected')))).toEqual(['Cy', 'Ada', 'Dee'])
  })

  it('flips the default column on its first click, since it is already sorted by it', () => {
    expect(nextSort(DEFAULT_SORT, 'surviving')).toEqual({ key: 'surviving', direction: 'ascending' })
  })

  it('sorts names A to Z first and keeps the starter text after the people either way', () => {
    const byName = nextSort(DEFAULT_SORT, 'person')
    expect(names(sortContributors(everyone, byName))).toEqual(['Ada', 'Ben', 'starter'])
    expect(names(sortContributors(everyone, nextSort(byName, 'person')))).toEqual(['Ben', 'Ada', 'starter'])
  })

  it('sorts first contributions earliest first and last contributions most recent first, undated rows last', () => {
    expect(names(sortContributors(everyone, nextSort(DEFAULT_SORT, 'firstContribution')))).toEqual(['Ada', 'Ben', 'starter'])
    expect(names(sortContributors(everyone, nextSort(DEFAULT_SORT, 'lastContribution')))).toEqual(['Ada', 'Ben', 'starter'])
    const reversed = nextSort(nextSort(DEFAULT_SORT, 'lastContribution'), 'lastContribution')
    expect(names(sortContributors(everyone, reversed))).toEqual(['Ben', 'Ada', 'starter'])
  })

  it('orders equal values by characters in the text now, then by name', () => {
    const cy = contributor('Cy', { surviving: 10 })
    const bea = contributor('Bea', { surviving: 10 })
    const sorted = sortContributors([cy, ada, bea, ben], { key: 'deleted', direction: 'descending' })
    expect(names(sorted)).toEqual(['Ben', 'Ada', 'Bea', 'Cy'])
  })

  it('leaves the list it was given in its order', () => {
    const list = [ada, starter, ben]
    sortContributors(list, DEFAULT_SORT)
    expect(names(list)).toEqual(['Ada', 'starter', 'Ben'])
  })
})
