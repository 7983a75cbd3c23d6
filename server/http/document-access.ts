/** Finds a document and what the caller may do with it, or answers 404, 401 or 403. */
import { DocumentPermissions, refusal } from '../auth/roles'
import type { User } from '../auth/accounts'
import { isDocumentId } from '../storage/document-ids'
import type { DocumentMeta, Store } from '../storage/store'
import { ApiError } from './errors'

export interface DocumentWithPermissions {
  document: DocumentMeta
  permissions: DocumentPermissions
}

export async function readableDocument(store: Store, id: string, viewer: User | null): Promise<DocumentWithPermissions> {
  const document = isDocumentId(id) ? await store.getDocument(id) : undefined
  if (!document) throw new ApiError(404, 'document_not_found', `No document has the id "${id.slice(0, 80)}".`)
  const permissions = new DocumentPermissions(viewer, document.access)
  if (!permissions.canRead()) {
    throw refusal(viewer) === 'sign_in_required'
      ? new ApiError(401, 'sign_in_required', 'This document is for members. Sign in first.')
      : new ApiError(403, 'forbidden', 'You do not have access to this document.')
  }
  return { document, permissions }
}

/** As readableDocument, and the caller must be one of its maintainers (or the admin). */
export async function managedDocument(store: Store, id: string, viewer: User | null): Promise<DocumentWithPermissions> {
  const found = await readableDocument(store, id, viewer)
  if (!found.permissions.canManage()) throw new ApiError(403, 'forbidden', 'Only maintainers of this document can do that.')
  return found
}

/** What the API tells a caller about a document. */
export function documentSummary({ document, permissions }: DocumentWithPermissions) {
  return {
    id: document.id,
    title: document.title,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    visibility: document.access.visibility,
    openToContributions: document.access.openToContributions,
    role: permissions.role,
  }
}
