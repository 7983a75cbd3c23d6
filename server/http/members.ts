/** Members and their roles, invite links and blocks: maintainers' tools, enforced here. */
import { Router, type Response } from 'express'
import { z } from 'zod'
import type { AccessControl } from '../auth/access'
import { publicUser, type Accounts } from '../auth/accounts'
import { ExpiredInviteError, InvalidInviteError, type Invites } from '../auth/invites'
import type { Store } from '../storage/store'
import { currentUser, requireUser } from './current-user'
import { managedDocument, readableDocument } from './document-access'
import { ApiError, parseRequest } from './errors'

const role = z.enum(['maintainer', 'contributor'])
const memberBody = z.object({ role })
/** Up to 30 days: an invite link is a key to the document, and keys should expire. */
const inviteBody = z.object({ role, expiresInHours: z.number().int().min(1).max(720) })

export interface MemberRoutesOptions {
  store: Store
  accounts: Accounts
  invites: Invites
  accessControl: AccessControl
}

export function memberRoutes({ store, accounts, invites, accessControl }: MemberRoutesOptions): Router {
  const router = Router()

  const person = (userId: string) => {
    const user = accounts.get(userId)
    if (!user) throw new ApiError(404, 'user_not_found', 'No account has that id.')
    return user
  }

  const changeAccess = async (response: Response, documentId: string, change: Parameters<Store['updateDocument']>[1]) => {
    const { document } = await managedDocument(store, documentId, currentUser(response))
    await store.updateDocument(document.id, change)
    await accessControl.revalidate(document.id)
  }

  router.get('/documents/:id/members', async (request, response) => {
    const { document } = await managedDocument(store, request.params.id, currentUser(response))
    const known = (ids: string[]) => ids.flatMap((id) => accounts.get(id) ?? [])
    response.json({
      members: known(Object.keys(document.access.members)).map((user) => ({
        user: publicUser(user),
        role: document.access.members[user.id],
      })),
      blocked: known(document.access.blocked).map((user) => ({ user: publicUser(user) })),
    })
  })

  router.put('/documents/:id/members/:userId', async (request, response) => {
    const { role } = parseRequest(memberBody, request.body)
    const user = person(request.params.userId)
    await changeAccess(response, request.params.id, (document) => {
      document.access.members[user.id] = role
      document.access.blocked = document.access.blocked.filter((id) => id !== user.id)
    })
    response.json({ member: { user: publicUser(user), role } })
  })

  router.delete('/documents/:id/members/:userId', async (request, response) => {
    await changeAccess(response, request.params.id, (document) => {
      delete document.access.members[request.params.userId]
    })
    response.status(204).end()
  })

  router.post('/documents/:id/blocks/:userId', async (request, response) => {
    const user = person(request.params.userId)
    if (user.isAdmin) throw new ApiError(400, 'cannot_block_admin', 'The site admin cannot be blocked.')
    await changeAccess(response, request.params.id, (document) => {
      delete document.access.members[user.id]
      if (!document.access.blocked.includes(user.id)) document.access.blocked.push(user.id)
    })
    response.status(204).end()
  })

  router.delete('/documents/:id/blocks/:userId', async (request, response) => {
    await changeAccess(response, request.params.id, (document) => {
      document.access.blocked = document.access.blocked.filter((id) => id !== request.params.userId)
    })
    response.status(204).end()
  })

  router.post('/documents/:id/invites', async (request, response) => {
    const { document } = await managedDocument(store, request.params.id, currentUser(response))
    const { role, expiresInHours } = parseRequest(inviteBody, request.body)
    const { token, expiresAt } = await invites.create(document.id, role, expiresInHours, new Date())
    response.status(201).json({ token, url: `/invite/${token}`, expiresAt: expiresAt.toISOString() })
  })

  const verifiedInvite = async (token: string) => {
    try {
      return await invites.verify(token, new Date())
    } catch (error) {
      if (error instanceof ExpiredInviteError) throw new ApiError(410, 'invite_expired', error.message)
      if (error instanceof InvalidInviteError) throw new ApiError(400, 'invalid_invite', error.message)
      throw error
    }
  }

  router.get('/invites/:token', async (request, response) => {
    const invite = await verifiedInvite(request.params.token)
    const document = await store.getDocument(invite.documentId)
    if (!document) throw new ApiError(404, 'document_not_found', 'The document of this invitation no longer exists.')
    response.json({ documentId: document.id, documentTitle: document.title, role: invite.role, expiresAt: invite.expiresAt.toISOString() })
  })

  router.post('/invites/:token/accept', async (request, response) => {
    const user = requireUser(response)
    const invite = await verifiedInvite(request.params.token)
    const document = await store.getDocument(invite.documentId)
    if (!document) throw new ApiError(404, 'document_not_found', 'The document of this invitation no longer exists.')
    if (document.access.blocked.includes(user.id)) throw new ApiError(403, 'forbidden', 'You are blocked from this document.')
    const updated = await store.updateDocument(document.id, (stored) => {
      // An invitation never lowers a role: a maintainer who opens a contributor link stays a maintainer.
      if (stored.access.members[user.id] !== 'maintainer') stored.access.members[user.id] = invite.role
    })
    await accessControl.revalidate(document.id)
    const { permissions } = await readableDocument(store, updated.id, user)
    response.json({ documentId: updated.id, role: permissions.role })
  })

  return router
}
