/** Someone named in a sentence ("Rejected by Mara"), linking to their contributions to this document. */
import { Link } from 'react-router'
import type { Person } from '../http/suggestions'
import { contributionsPath } from './paths'

interface PersonLinkProps {
  readonly documentId: string
  /** Undefined when the server named nobody for this id (an account since removed). */
  readonly person: Person | undefined
}

export function PersonLink({ documentId, person }: PersonLinkProps) {
  if (person === undefined) return <>someone</>
  return (
    <Link className="person-link" to={contributionsPath(documentId, person.username)} data-person={person.username}>
      {person.displayName}
    </Link>
  )
}
