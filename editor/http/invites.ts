/**
 * Invitation links: a maintainer creates one with a role and an expiry; whoever opens it
 * sees what it offers and, once signed in, accepts it to become a member.
 */
import { requestJson } from './api-error'
import { DOCUMENT_ROLES, type DocumentRole, documentPath } from './documents'
import { MEMBER_ROLES, type MemberRole } from './members'
import { choiceOf, isRecord, stringOf, unexpected } from './response-shape'

/** The expiries the server accepts, in hours: one hour to thirty days. */
export const INVITE_HOURS_MIN = 1
export const INVITE_HOURS_MAX = 720

export interface CreatedInvite {
  readonly token: string
  /** A path on this server, `/invite/<token>`; prefix the origin to share it. */
  readonly url: string
  /** ISO 8601. */
  readonly expiresAt: string
}

export interface Invite {
  readonly documentId: string
  readonly documentTitle: string
  readonly role: MemberRole
  readonly expiresAt: string
}

export interface AcceptedInvite {
  readonly documentId: string
  /** The caller's role now: an invitation never lowers one, so it may be stronger than the invitation's. */
  readonly role: DocumentRole
}

function invitePath(token: string): string {
  return `/api/invites/${encodeURIComponent(token)}`
}

export async function createInvite(documentId: string, role: MemberRole, expiresInHours: number): Promise<CreatedInvite> {
  const body = await requestJson(`${documentPath(documentId)}/invites`, {
    method: 'POST',
    body: JSON.stringify({ role, expiresInHours }),
  })
  if (!isRecord(body)) throw unexpected('an invitation')
  return {
    token: stringOf(body, 'token', 'an invitation'),
    url: stringOf(body, 'url', 'an invitation'),
    expiresAt: stringOf(body, 'expiresAt', 'an invitation'),
  }
}

/** Anyone may look. Rejects with `invalid_invite` (400) for a forged token and `invite_expired` (410). */
export async function getInvite(token: string, signal?: AbortSignal): Promise<Invite> {
  const body = await requestJson(invitePath(token), { signal })
  if (!isRecord(body)) throw unexpected('an invitation')
  return {
    documentId: stringOf(body, 'documentId', 'an invitation'),
    documentTitle: stringOf(body, 'documentTitle', 'an invitation'),
    role: choiceOf(body, 'role', MEMBER_ROLES, 'an invitation'),
    expiresAt: stringOf(body, 'expiresAt', 'an invitation'),
  }
}

/** Signed-in people only (401 otherwise). */
export async function acceptInvite(token: string): Promise<AcceptedInvite> {
  const body = await requestJson(`${invitePath(token)}/accept`, { method: 'POST' })
  if (!isRecord(body)) throw unexpected('an accepted invitation')
  return {
    documentId: stringOf(body, 'documentId', 'an accepted invitation'),
    role: choiceOf(body, 'role', DOCUMENT_ROLES, 'an accepted invitation'),
  }
}
