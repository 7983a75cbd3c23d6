/**
 * The role model: who may do what with a document. Everything the server decides
 * about permissions, over HTTP and over the websocket, asks this module.
 *
 * Anyone may read; signed-in people contribute; maintainers decide.
 *
 *   admin        the site admin (the first account). May do everything on every
 *                document, and is never blocked.
 *   maintainer   a member who runs the document: edits, manages members and their
 *                roles, creates invite links, blocks people, changes visibility and
 *                the "open to contributions" switch.
 *   contributor  a member who writes, or any signed-in person when the document is
 *                open to contributions. Contributors suggest: every change they make
 *                is a suggestion that a maintainer accepts or rejects (the server
 *                enforces it: server/suggestions/suggestion-rules.ts).
 *   reader       anyone else who may see the document: everybody, signed in or not,
 *                when it is public. Reads the text, live; cannot change it.
 *
 * A blocked person has no access while signed in: their connections are closed
 * and refused. (A public document can still be read signed out, like any web page.)
 * A members-only document is invisible to everyone but its members and the admin.
 */
import type { DocumentAccess, MemberRole } from '../storage/store'
import type { User } from './accounts'

export type Role = 'admin' | MemberRole | 'reader'

/** Who is asking: a signed-in person, or null for someone who is not signed in. */
export type Viewer = Pick<User, 'id' | 'isAdmin'> | null

export class DocumentPermissions {
  /** The viewer's role, or null when they may not even read the document. */
  readonly role: Role | null

  constructor(
    readonly viewer: Viewer,
    access: DocumentAccess,
  ) {
    this.role = roleOf(viewer, access)
  }

  /** See the document, its text and who is present. */
  canRead(): boolean {
    return this.role !== null
  }

  /** Change the document at all: directly, or by suggesting. */
  canEdit(): boolean {
    return this.canEditDirectly() || this.role === 'contributor'
  }

  /** Change the accepted text directly, and decide on suggestions. */
  canEditDirectly(): boolean {
    return this.role === 'admin' || this.role === 'maintainer'
  }

  /** Every change this person makes must be a suggestion. */
  mustSuggest(): boolean {
    return this.role === 'contributor'
  }

  /** Members and their roles, invite links, blocking, visibility, the open switch, the title. */
  canManage(): boolean {
    return this.role === 'admin' || this.role === 'maintainer'
  }

  /** Create new documents (which the creator then maintains). */
  static canCreateDocuments(viewer: Viewer): boolean {
    return viewer !== null
  }
}

function roleOf(viewer: Viewer, access: DocumentAccess): Role | null {
  if (viewer?.isAdmin) return 'admin'
  if (viewer && access.blocked.includes(viewer.id)) return null
  const memberRole = viewer ? access.members[viewer.id] : undefined
  if (memberRole) return memberRole
  if (access.visibility === 'members') return null
  if (viewer && access.openToContributions) return 'contributor'
  return 'reader'
}

/** Why a viewer may not read: they should sign in, or they are simply not allowed. */
export function refusal(viewer: Viewer): 'sign_in_required' | 'forbidden' {
  return viewer === null ? 'sign_in_required' : 'forbidden'
}
