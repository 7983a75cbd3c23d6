/**
 * The links between a document's own pages: Contributors, Decisions, History, and for someone signed in,
 * their own contributions. The page one is on is marked, not left out, so the links stay put.
 */
import { Link } from 'react-router'
import { useAccount } from '../account/account-context'
import { historyPath } from '../history/paths'
import { contributionsPath, contributorsPath, decisionsPath } from './paths'

/** The page being shown: one of the lists, the history (or a version or comparison in it), or the contributions of the person with this username. */
export type DocumentPage = 'contributors' | 'decisions' | 'history' | { readonly person: string }

interface DocumentPagesNavProps {
  readonly documentId: string
  readonly current: DocumentPage
}

export function DocumentPagesNav({ documentId, current }: DocumentPagesNavProps) {
  const account = useAccount()
  const me = account.status === 'ready' ? account.user : null
  const mine = me !== null && typeof current === 'object' && current.person === me.username
  const here = (page: boolean) => (page ? ('page' as const) : undefined)
  return (
    <nav className="document-pages-nav" aria-label="About this document">
      <Link to={contributorsPath(documentId)} aria-current={here(current === 'contributors')}
        data-testid="contributors-page-link">
        Contributors
      </Link>
      <Link to={decisionsPath(documentId)} aria-current={here(current === 'decisions')} data-testid="decisions-page-link">
        Decisions
      </Link>
      <Link to={historyPath(documentId)} aria-current={here(current === 'history')} data-testid="history-page-link">
        History
      </Link>
      {me && (
        <Link to={contributionsPath(documentId, me.username)} aria-current={here(mine)} data-testid="my-contributions-link">
          My contributions
        </Link>
      )}
    </nav>
  )
}
