/**
 * Who belongs to a document, and who is shut out of it. Maintainers and admins only.
 *
 * Readers are not members: a public document is readable by everyone, so the list holds the
 * people with more than that (maintainers and contributors) and the people with less (blocked).
 */
import { requestJson } from './api-error'
import { documentPath } from './documents'
import { choiceOf, fieldOf, isRecord, unexpected } from './response-shape'
import { type PublicUser, readPublicUser } from './users'

/** The roles a member can be given; admin is a site-wide role and reader needs no membership. */
export const MEMBER_ROLES = ['maintainer', 'contributor'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export interface Member {
  readonly user: PublicUser
  readonly role: MemberRole
}

export interface Membership {
  readonly members: readonly Member[]
  /** Blocked people can neither read nor edit, whatever the document's visibility. */
  readonly blocked: readonly PublicUser[]
}

function readMember(value: unknown): Member {
  if (!isRecord(value)) throw unexpected('a member')
  return { user: readPublicUser(value.user), role: choiceOf(value, 'role', MEMBER_ROLES, 'a member') }
}

function memberPath(documentId: string, userId: string): string {
  return `${documentPath(documentId)}/members/${encodeURIComponent(userId)}`
}

function blockPath(documentId: string, userId: string): string {
  return `${documentPath(documentId)}/blocks/${encodeURIComponent(userId)}`
}

export async function listMembers(documentId: string, signal?: AbortSignal): Promise<Membership> {
  const body = await requestJson(`${documentPath(documentId)}/members`, { signal })
  const members = fieldOf(body, 'members')
  const blocked = fieldOf(body, 'blocked')
  if (!Array.isArray(members) || !Array.isArray(blocked)) throw unexpected('a member list')
  return {
    members: members.map(readMember),
    blocked: blocked.map((entry) => readPublicUser(fieldOf(entry, 'user'))),
  }
}

/** Adds a member, or changes a member's role. */
export async function setMemberRole(documentId: string, userId: string, role: MemberRole): Promise<Member> {
  const body = await requestJson(memberPath(documentId, userId), { method: 'PUT', body: JSON.stringify({ role }) })
  return readMember(fieldOf(body, 'member'))
}

export async function removeMember(documentId: string, userId: string): Promise<void> {
  await requestJson(memberPath(documentId, userId), { method: 'DELETE' })
}

/** The server also closes the person's open connections to the document, for good. */
export async function blockPerson(documentId: string, userId: string): Promise<void> {
  await requestJson(blockPath(documentId, userId), { method: 'POST' })
}

export async function unblockPerson(documentId: string, userId: string): Promise<void> {
  await requestJson(blockPath(documentId, userId), { method: 'DELETE' })
}
