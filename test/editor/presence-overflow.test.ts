import { describe, expect, it } from 'vitest'
import { MOST_NAMED, overflowLabel } from '../../editor/presence/overflow-label'
import { samePresence, type Participant, type Presence } from '../../editor/presence/participants'

const names = (count: number) => Array.from({ length: count }, (_, index) => `Person ${index + 1}`)

describe('the "+N" label', () => {
  it('names everyone when a few are hidden', () => {
    expect(overflowLabel(['Ada'])).toBe('Ada')
    expect(overflowLabel(['Ada', 'Ben', 'Cai'])).toBe('Ada, Ben and Cai')
  })

  it('names the first twenty of a crowd and counts the others', () => {
    const label = overflowLabel(names(195))
    expect(label.startsWith(`${names(MOST_NAMED).join(', ')} and `)).toBe(true)
    expect(label.endsWith('and 175 others')).toBe(true)
    expect(overflowLabel(names(MOST_NAMED + 1)).endsWith('and 1 other')).toBe(true)
  })
})

describe('samePresence', () => {
  const ada: Participant = { id: 'u1', name: 'Ada', color: '#112233', clientId: 1, isSelf: true }
  const presence = (participants: Participant[], anonymousReaders = 0): Presence => ({ participants, anonymousReaders })

  it('holds when only carets moved, so the header does not re-render', () => {
    expect(samePresence(presence([ada]), presence([{ ...ada }]))).toBe(true)
  })

  it('fails when someone arrives, renames themselves, or the reader count moves', () => {
    expect(samePresence(presence([ada]), presence([ada, { ...ada, id: 'u2', clientId: 2, isSelf: false }]))).toBe(false)
    expect(samePresence(presence([ada]), presence([{ ...ada, name: 'Ada L.' }]))).toBe(false)
    expect(samePresence(presence([ada]), presence([ada], 1))).toBe(false)
  })
})
