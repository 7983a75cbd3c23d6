/**
 * /d/:documentId. Keyed by the id and by who is looking, so moving to another document, or
 * signing in or out, starts from a clean page: a new role, a new connection as the new person.
 */
import { useParams } from 'react-router'
import { useAccount } from '../account/account-context'
import { NotFoundPage } from '../app/NotFoundPage'
import { DocumentPage } from './DocumentPage'
import { DocumentSkeleton } from './DocumentSkeleton'

export function DocumentRoute() {
  const { documentId } = useParams<{ documentId: string }>()
  const account = useAccount()
  if (!documentId) return <NotFoundPage />
  // Connecting before we know who this is would open a socket as the wrong person, then another.
  if (account.status === 'loading') return <DocumentSkeleton />
  const viewer = account.user?.id ?? 'anonymous'
  return <DocumentPage key={`${documentId}/${viewer}`} documentId={documentId} user={account.user} />
}
