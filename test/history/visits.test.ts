import { describe, expect, it } from 'vitest'
import { lastVisit, returned } from '../../server/history/visits'
import type { SeenPoint, StoredVisit } from '../../server/history/version-model'

const MINUTE = 60_000
const GAP = 30 * MINUTE
const seenAt = (at: number): SeenPoint => ({ at, base: null, snapshot: '' })

describe('the last visit', () => {
  it('is nothing for someone who has never had the document open', () => {
    expect(lastVisit(undefined, 0, GAP)).toBeNull()
  })

  it('is when they left, once they have been away longer than the gap', () => {
    const visit: StoredVisit = { seen: seenAt(0), since: null }
    expect(lastVisit(visit, GAP + 1, GAP)).toBe(visit.seen)
  })

  it('stays the visit before this one while they move from the document to its History page', () => {
    // Away for a day, then back: the new visit begins with what they had seen.
    const back = returned({ seen: seenAt(0), since: null }, 24 * 60 * MINUTE, GAP)!
    expect(back.since).toEqual(seenAt(0))
    // They read for a while, then open History: leaving the document a moment ago ends nothing.
    const left: StoredVisit = { ...back, seen: seenAt(24 * 60 * MINUTE + 10 * MINUTE) }
    expect(lastVisit(left, 24 * 60 * MINUTE + 11 * MINUTE, GAP)).toEqual(seenAt(0))
  })

  it('is not moved on by a reload', () => {
    const visit: StoredVisit = { seen: seenAt(5 * MINUTE), since: seenAt(0) }
    expect(returned(visit, 5 * MINUTE + 1_000, GAP)).toBe(visit)
  })
})
