/** /d/:documentId. Keyed by id, so moving to another document starts from a clean page. */
import { useParams } from 'react-router'
import { NotFoundPage } from '../app/NotFoundPage'
import { DocumentPage } from './DocumentPage'

export function DocumentRoute() {
  const { documentId } = useParams<{ documentId: string }>()
  if (!documentId) return <NotFoundPage />
  return <DocumentPage key={documentId} documentId={documentId} />
}
