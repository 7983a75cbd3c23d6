/** The people in a version or a change, each name beside a dot in their own colour, as on the presence bar and the authors view. */
import type { CSSProperties } from 'react'
import type { HistoryPeople } from '../http/history'
import { safeColour } from './version-change'

interface PeopleNamesProps {
  readonly ids: readonly string[]
  readonly people: HistoryPeople
}

export function PeopleNames({ ids, people }: PeopleNamesProps) {
  if (ids.length === 0) return <span className="version-people version-people--none">Nobody (starter text)</span>
  return (
    <span className="version-people" data-testid="version-people">
      {ids.map((id, index) => {
        const person = people[id]
        const colour = safeColour(person?.color)
        return (
          <span key={id} className="version-person" data-person={person?.username ?? ''}
            style={colour ? { '--person-colour': colour } as CSSProperties : undefined}>
            {person?.displayName ?? 'someone'}
            {index < ids.length - 1 && <span aria-hidden="true">, </span>}
          </span>
        )
      })}
    </span>
  )
}
