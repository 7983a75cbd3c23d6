/** Several people in a sentence, each linking to their contributions: "Mara, Dan and Ines". */
import { Fragment } from 'react'
import type { People } from '../http/suggestions'
import { PersonLink } from './PersonLink'

interface PeopleListProps {
  readonly documentId: string
  /** User ids; null is the server itself (a change no person made). */
  readonly ids: ReadonlyArray<string | null>
  readonly people: People
}

export function PeopleList({ documentId, ids, people }: PeopleListProps) {
  return (
    <>
      {ids.map((id, index) => (
        <Fragment key={id ?? 'server'}>
          {index > 0 && (index === ids.length - 1 ? ' and ' : ', ')}
          {id === null ? 'Coffeehouse itself' : <PersonLink documentId={documentId} person={people[id]} />}
        </Fragment>
      ))}
    </>
  )
}
