import { describe, expect, it } from 'vitest'
import { contributorRows } from '../../editor/contributors/contributor-row'
import type { Contributor } from '../../editor/http/attribution'
import type { SuggestionRecord, SuggestionStatus } from '../../editor/http/suggestions'

const person = (username: string) => ({ id: `id-${username}`, username, displayName: username, color: '#1a7f37' })

function suggestion(author: string, status: SuggestionStatus): SuggestionRecord {
  return {
    id: `${author}-${status}`, status, author: `id-${author}`, createdAt: null, kinds: ['insert'], inserted: 'x', deleted: '',
    section: null, from: null, to: null, competing: [], rationale: null, replies: [], decisions: [], survival: null,
  }
}

const writer = (username: string | null, surviving: number): Contributor => ({
  person: username === null ? null : person(username), surviving, written: surviving, deleted: 0, firstContribution: null, lastContribution: null,
})

describe('the contributors table’s suggestion counts', () => {
  it('counts each author’s suggestions made, accepted and rejected, whatever became of the rest', () => {
    const suggestions = [
      suggestion('carla', 'accepted'), suggestion('carla', 'rejected'), suggestion('carla', 'pending'),
      suggestion('carla', 'superseded'), suggestion('carla', 'accepted'),
    ]
    const [row] = contributorRows([writer('carla', 12)], suggestions, { 'id-carla': person('carla') })
    expect(row).toMatchObject({ surviving: 12, suggested: 5, accepted: 2, rejected: 1 })
  })

  it('gives zeros to people and the starter text who made no suggestions', () => {
    const rows = contributorRows([writer(null, 40), writer('ada', 3)], [], {})
    expect(rows.map(({ suggested, accepted, rejected }) => [suggested, accepted, rejected])).toEqual([[0, 0, 0], [0, 0, 0]])
  })

  it('adds a row, with no characters, for someone who suggested but is not among the writers', () => {
    const rows = contributorRows([writer('ada', 3)], [suggestion('dan', 'rejected')], { 'id-dan': person('dan') })
    expect(rows[1]).toEqual({
      person: person('dan'), surviving: 0, written: 0, deleted: 0, firstContribution: null, lastContribution: null,
      suggested: 1, accepted: 0, rejected: 1,
    })
  })
})
