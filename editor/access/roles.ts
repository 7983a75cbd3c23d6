/**
 * What each role may do, as the UI needs to know it. The server enforces all of this; the
 * UI only avoids offering what would be refused (a toolbar to a reader, Share to a contributor).
 */
import type { DocumentRole } from '../http/documents'
import type { MemberRole } from '../http/members'

export function canEdit(role: DocumentRole): boolean {
  return role !== 'reader'
}

/** Every change this person makes is a suggestion (the server refuses anything else). */
export function mustSuggest(role: DocumentRole): boolean {
  return role === 'contributor'
}

/** Edit the accepted text directly, choose between editing and suggesting, decide on suggestions. */
export function canEditDirectly(role: DocumentRole): boolean {
  return role === 'maintainer' || role === 'admin'
}

/** Change who may read and edit: visibility, members, invitations, blocks. */
export function canManage(role: DocumentRole): boolean {
  return role === 'maintainer' || role === 'admin'
}

export const ROLE_NAMES: Readonly<Record<DocumentRole, string>> = {
  admin: 'Admin',
  maintainer: 'Maintainer',
  contributor: 'Contributor',
  reader: 'Reader',
}

/** One line each, for the role menus in the share dialog. */
export const MEMBER_ROLE_DESCRIPTIONS: Readonly<Record<MemberRole, string>> = {
  maintainer: 'can edit, decide on suggestions, and decide who else may',
  contributor: 'can suggest changes',
}
