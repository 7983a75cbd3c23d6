import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { as, PASSWORD, signIn, signUp } from '../support/accounts'
import { startServer } from '../support/server'

describe('accounts', () => {
  it('makes the first person to sign up the site admin, and nobody after', async () => {
    const server = await startServer()
    const first = await signUp(server, 'founder', 'The Founder')
    const second = await signUp(server, 'second')
    expect(first.user).toMatchObject({ username: 'founder', displayName: 'The Founder', isAdmin: true })
    expect(second.user.isAdmin).toBe(false)
    expect(first.user.color).toMatch(/^#[0-9a-f]{6}$/)
    expect(second.user.color).not.toBe(first.user.color)
  })

  it('signs a person in, tells them who they are, and signs them out', async () => {
    const server = await startServer()
    await signUp(server, 'rosa')
    const session = await signIn(server, 'ROSA')
    expect(await (await as(server, session).get('/api/me')).json()).toMatchObject({ user: { username: 'rosa' } })
    expect((await as(server, session).post('/api/auth/logout')).status).toBe(204)
    expect(await (await as(server, session).get('/api/me')).json()).toEqual({ user: null })
  })

  it('answers a wrong password and an unknown username alike, with 401', async () => {
    const server = await startServer()
    await signUp(server, 'rosa')
    for (const credentials of [{ username: 'rosa', password: 'not the password' }, { username: 'nobody', password: PASSWORD }]) {
      const response = await as(server, null).post('/api/auth/login', credentials)
      expect(response.status).toBe(401)
      expect(((await response.json()) as { error: { id: string } }).error.id).toBe('invalid_credentials')
    }
  })

  it('refuses a username that is taken, whatever its case', async () => {
    const server = await startServer()
    await signUp(server, 'rosa')
    const response = await as(server, null).post('/api/auth/signup', { username: 'Rosa', password: PASSWORD, displayName: 'Another Rosa' })
    expect(response.status).toBe(409)
    expect(((await response.json()) as { error: { id: string } }).error.id).toBe('username_taken')
  })

  it.each([
    ['a short password', { username: 'ok_name', password: 'short', displayName: 'A' }, /password/],
    ['a username with spaces', { username: 'has space', password: PASSWORD, displayName: 'A' }, /username/],
    ['a missing display name', { username: 'ok_name', password: PASSWORD }, /displayName/],
    ['a password of the wrong type', { username: 'ok_name', password: 12345678, displayName: 'A' }, /password/],
  ])('refuses %s with a 400 that names the field, and creates no account', async (_case, body, field) => {
    const server = await startServer()
    const response = await as(server, null).post('/api/auth/signup', body)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(field)
    expect((await as(server, null).post('/api/auth/login', { username: 'ok_name', password: PASSWORD })).status).toBe(401)
  })

  it('keeps people signed in across a restart', async () => {
    const first = await startServer()
    const rosa = await signUp(first, 'rosa')
    await first.stop()
    const second = await startServer({ dataDir: first.dataDir })
    expect(await (await as(second, rosa).get('/api/me')).json()).toMatchObject({ user: { username: 'rosa' } })
  })

  it('changes a display name and colour, and refuses a colour that is not #rrggbb', async () => {
    const server = await startServer()
    const rosa = await signUp(server, 'rosa')
    const updated = await as(server, rosa).patch('/api/me', { displayName: 'Rosa L.', color: '#0E7490' })
    expect(await updated.json()).toMatchObject({ user: { displayName: 'Rosa L.', color: '#0e7490' } })
    expect((await as(server, rosa).patch('/api/me', { color: 'red' })).status).toBe(400)
    expect((await as(server, null).patch('/api/me', { displayName: 'Nobody' })).status).toBe(401)
  })

  it('never writes a password to the log, even at the most verbose level', async () => {
    const lines: string[] = []
    const logDestination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const server = await startServer({ logLevel: 'trace', logDestination })
    await signUp(server, 'rosa')
    await as(server, null).post('/api/auth/login', { username: 'rosa', password: 'a wrong password guess' })
    await signIn(server, 'rosa')
    await server.stop()
    // The log is on: it records the account, the failed attempt and the sign-in.
    expect(lines.join('')).toMatch(/account created.*sign-in failed.*signed in/s)
    expect(lines.join('')).not.toContain(PASSWORD)
    expect(lines.join('')).not.toContain('a wrong password guess')
  })
})
