import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Invites } from '../../server/auth/invites'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp, type SignedIn } from '../support/accounts'
import { startServer, type TestServer } from '../support/server'

/** A server with its admin, a maintainer who created a document, and one more person. */
async function setup() {
  const server = await startServer()
  const admin = await signUp(server, 'admin')
  const maintainer = await signUp(server, 'maya')
  const other = await signUp(server, 'otto')
  const created = await as(server, maintainer).post('/api/documents', { title: 'Budget paper' })
  const { id } = (await created.json()) as { id: string }
  return { server, admin, maintainer, other, id }
}

const errorId = async (response: Response) => ((await response.json()) as { error: { id: string } }).error.id

async function roleOf(server: TestServer, person: SignedIn | null, id: string): Promise<string | null> {
  const response = await as(server, person).get(`/api/documents/${id}`)
  return response.ok ? ((await response.json()) as { role: string }).role : null
}

describe('permissions over HTTP', () => {
  it('lets anyone read the public manifesto and any signed-in person contribute to it', async () => {
    const server = await startServer()
    await signUp(server, 'admin')
    const rosa = await signUp(server, 'rosa')
    expect(await roleOf(server, null, MANIFESTO_ID)).toBe('reader')
    expect(await roleOf(server, rosa, MANIFESTO_ID)).toBe('contributor')
  })

  it('refuses to create a document for someone who is not signed in', async () => {
    const server = await startServer()
    const response = await as(server, null).post('/api/documents', { title: 'Anonymous' })
    expect(response.status).toBe(401)
    expect(await errorId(response)).toBe('sign_in_required')
  })

  it('makes the creator of a document its maintainer, and others readers', async () => {
    const { server, admin, maintainer, other, id } = await setup()
    expect(await roleOf(server, maintainer, id)).toBe('maintainer')
    expect(await roleOf(server, admin, id)).toBe('admin')
    expect(await roleOf(server, other, id)).toBe('reader')
    expect(await roleOf(server, null, id)).toBe('reader')
  })

  it('hides a members-only document from people who are not members', async () => {
    const { server, maintainer, other, id } = await setup()
    expect((await as(server, maintainer).patch(`/api/documents/${id}`, { visibility: 'members' })).status).toBe(200)
    const anonymous = await as(server, null).get(`/api/documents/${id}`)
    expect([anonymous.status, await errorId(anonymous)]).toEqual([401, 'sign_in_required'])
    const stranger = await as(server, other).get(`/api/documents/${id}`)
    expect([stranger.status, await errorId(stranger)]).toEqual([403, 'forbidden'])
    expect((await as(server, other).get(`/api/documents/${id}/export`)).status).toBe(403)
    const listed = async (person: SignedIn | null) =>
      ((await (await as(server, person).get('/api/documents')).json()) as { documents: Array<{ id: string }> }).documents.map((d) => d.id)
    expect(await listed(other)).not.toContain(id)
    expect(await listed(null)).not.toContain(id)
    expect(await listed(maintainer)).toContain(id)
  })

  it('refuses maintainers’ actions to everyone but maintainers and the admin, and changes nothing', async () => {
    const { server, admin, maintainer, other, id } = await setup()
    const attempts = (person: SignedIn | null) => [
      as(server, person).patch(`/api/documents/${id}`, { visibility: 'members' }),
      as(server, person).get(`/api/documents/${id}/members`),
      as(server, person).put(`/api/documents/${id}/members/${other.user.id}`, { role: 'maintainer' }),
      as(server, person).delete(`/api/documents/${id}/members/${maintainer.user.id}`),
      as(server, person).post(`/api/documents/${id}/invites`, { role: 'maintainer', expiresInHours: 24 }),
      as(server, person).post(`/api/documents/${id}/blocks/${maintainer.user.id}`),
    ]
    for (const response of await Promise.all([...attempts(other), ...attempts(null)])) {
      expect([403, 401]).toContain(response.status)
    }
    expect(await roleOf(server, maintainer, id)).toBe('maintainer')
    expect(await roleOf(server, other, id)).toBe('reader')
    expect((await (await as(server, admin).get(`/api/documents/${id}`)).json()) as object).toMatchObject({ visibility: 'public' })
    // The admin may do all of it on any document.
    expect((await as(server, admin).put(`/api/documents/${id}/members/${other.user.id}`, { role: 'contributor' })).status).toBe(200)
    expect(await roleOf(server, other, id)).toBe('contributor')
  })

  it('lets a maintainer add, promote and remove members', async () => {
    const { server, maintainer, other, id } = await setup()
    const members = as(server, maintainer)
    expect((await members.put(`/api/documents/${id}/members/${other.user.id}`, { role: 'contributor' })).status).toBe(200)
    expect(await roleOf(server, other, id)).toBe('contributor')
    await members.put(`/api/documents/${id}/members/${other.user.id}`, { role: 'maintainer' })
    expect(await roleOf(server, other, id)).toBe('maintainer')
    const list = (await (await members.get(`/api/documents/${id}/members`)).json()) as { members: Array<{ user: { username: string }; role: string }> }
    expect(list.members.map((member) => [member.user.username, member.role]).sort()).toEqual([['maya', 'maintainer'], ['otto', 'maintainer']])
    expect((await members.delete(`/api/documents/${id}/members/${other.user.id}`)).status).toBe(204)
    expect(await roleOf(server, other, id)).toBe('reader')
  })

  it('refuses a role that does not exist with a 400', async () => {
    const { server, maintainer, other, id } = await setup()
    const response = await as(server, maintainer).put(`/api/documents/${id}/members/${other.user.id}`, { role: 'owner' })
    expect(response.status).toBe(400)
    expect(await roleOf(server, other, id)).toBe('reader')
  })

  it('lets an invite link make someone a member with its role', async () => {
    const { server, maintainer, other, id } = await setup()
    const invite = (await (await as(server, maintainer).post(`/api/documents/${id}/invites`, { role: 'contributor', expiresInHours: 48 })).json()) as { token: string; url: string }
    expect(invite.url).toBe(`/invite/${invite.token}`)
    expect(await (await as(server, null).get(`/api/invites/${invite.token}`)).json()).toMatchObject({ documentId: id, documentTitle: 'Budget paper', role: 'contributor' })
    expect((await as(server, null).post(`/api/invites/${invite.token}/accept`)).status).toBe(401)
    expect(await (await as(server, other).post(`/api/invites/${invite.token}/accept`)).json()).toEqual({ documentId: id, role: 'contributor' })
    expect(await roleOf(server, other, id)).toBe('contributor')
  })

  it('never lowers a maintainer’s role through an invite', async () => {
    const { server, maintainer, id } = await setup()
    const invite = (await (await as(server, maintainer).post(`/api/documents/${id}/invites`, { role: 'contributor', expiresInHours: 1 })).json()) as { token: string }
    await as(server, maintainer).post(`/api/invites/${invite.token}/accept`)
    expect(await roleOf(server, maintainer, id)).toBe('maintainer')
  })

  it('refuses an expired invite with 410 and a forged one with 400', async () => {
    const { server, other, id } = await setup()
    const { inviteKey } = JSON.parse(await readFile(path.join(server.dataDir, 'secrets.json'), 'utf8')) as { inviteKey: string }
    const yesterday = new Date(Date.now() - 48 * 60 * 60 * 1000)
    const expired = await new Invites(inviteKey).create(id, 'maintainer', 1, yesterday)
    const expiredResponse = await as(server, other).post(`/api/invites/${expired.token}/accept`)
    expect([expiredResponse.status, await errorId(expiredResponse)]).toEqual([410, 'invite_expired'])
    const forged = await new Invites('a key that is not the server’s, but just as long').create(id, 'maintainer', 24, new Date())
    const forgedResponse = await as(server, other).post(`/api/invites/${forged.token}/accept`)
    expect([forgedResponse.status, await errorId(forgedResponse)]).toEqual([400, 'invalid_invite'])
    expect((await as(server, other).post('/api/invites/not-a-token/accept')).status).toBe(400)
    expect(await roleOf(server, other, id)).toBe('reader')
  })

  it('shuts a blocked person out of a document, and lets them back when unblocked', async () => {
    const { server, maintainer, other, id } = await setup()
    await as(server, maintainer).put(`/api/documents/${id}/members/${other.user.id}`, { role: 'contributor' })
    expect((await as(server, maintainer).post(`/api/documents/${id}/blocks/${other.user.id}`)).status).toBe(204)
    expect((await as(server, other).get(`/api/documents/${id}`)).status).toBe(403)
    const list = (await (await as(server, maintainer).get(`/api/documents/${id}/members`)).json()) as { blocked: Array<{ user: { username: string } }>; members: unknown[] }
    expect(list.blocked.map((entry) => entry.user.username)).toEqual(['otto'])
    expect(list.members).toHaveLength(1)
    expect((await as(server, maintainer).delete(`/api/documents/${id}/blocks/${other.user.id}`)).status).toBe(204)
    expect(await roleOf(server, other, id)).toBe('reader')
  })

  it('never lets the site admin be blocked', async () => {
    const { server, admin, maintainer, id } = await setup()
    const response = await as(server, maintainer).post(`/api/documents/${id}/blocks/${admin.user.id}`)
    expect(response.status).toBe(400)
    expect(await roleOf(server, admin, id)).toBe('admin')
  })

  it('finds people by username for signed-in people only', async () => {
    const { server, maintainer } = await setup()
    expect(await (await as(server, maintainer).get('/api/users/otto')).json()).toMatchObject({ user: { username: 'otto' } })
    expect((await as(server, maintainer).get('/api/users/nobody')).status).toBe(404)
    expect((await as(server, null).get('/api/users/otto')).status).toBe(401)
  })
})
