/**
 * A contributor as a name with a face: avatar and display name, linking to their page in this
 * document. The starter text (null) is the server's own writing: it has a mark of its own and
 * no page, since there is no person to show.
 */
import { Link } from 'react-router'
import type { PublicUser } from '../http/users'
import { Avatar } from '../identity/Avatar'
import { ParagraphIcon } from '../ui/icons'
import { STARTER_TEXT_NAME } from './contributor-name'
import { contributionsPath } from './paths'

interface ContributorLabelProps {
  readonly documentId: string
  readonly person: PublicUser | null
  /** Also show @username under the name: tells apart two people who chose the same display name. */
  readonly withUsername?: boolean
}

export function ContributorLabel({ documentId, person, withUsername = false }: ContributorLabelProps) {
  if (person === null) {
    return (
      <span className="contributor-label" data-testid="contributor-label">
        <span className="starter-mark" aria-hidden="true">
          <ParagraphIcon />
        </span>
        <span className="contributor-label__name">{STARTER_TEXT_NAME}</span>
      </span>
    )
  }
  return (
    <span className="contributor-label" data-testid="contributor-label">
      <Avatar name={person.displayName} color={person.color} />
      <span className="contributor-label__who">
        <Link className="contributor-label__name" to={contributionsPath(documentId, person.username)}
          data-testid="contributor-link">
          {person.displayName}
        </Link>
        {withUsername && <span className="contributor-label__username">@{person.username}</span>}
      </span>
    </span>
  )
}
