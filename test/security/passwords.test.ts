/** Regression: passwords such as `12345678`, `password` and eight spaces were accepted at sign-up. */
import { describe, expect, it } from 'vitest'
import { signIn } from '../support/accounts'
import { startServer, type TestServer } from '../support/server'

function signUpWith(server: TestServer, username: string, password: string, displayName = 'Rosa Vidal') {
  return fetch(`${server.url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, displayName }),
  })
}

async function refusal(response: Response): Promise<{ status: number; id: string; message: string }> {
  const body = (await response.json()) as { error: { id: string; message: string } }
  return { status: response.status, ...body.error }
}

describe('passwords that are easy to guess', () => {
  it.each(['12345678', 'password', '        ', 'qwertyuiop', 'password1', 'iloveyou123', 'aaaaaaaaaaaa', 'abcdefgh12'])(
    'refuses %j with a message that says why, and creates no account',
    async (password) => {
      const server = await startServer()
      const answer = await refusal(await signUpWith(server, 'rosa', password))
      expect(answer.status).toBe(400)
      expect(answer.id).toBe('weak_password')
      expect(answer.message).toMatch(/^This password is too easy to guess\. \S/)
      await expect(signIn(server, 'rosa', password)).rejects.toThrow(/401/)
    },
  )

  it('refuses a password made of the person’s own username', async () => {
    const server = await startServer()
    const answer = await refusal(await signUpWith(server, 'rosavidal', 'rosavidal1'))
    expect(answer.message).toMatch(/too easy to guess/)
  })

  it('refuses a password made of the person’s own display name', async () => {
    const server = await startServer()
    const answer = await refusal(await signUpWith(server, 'writer-7', 'rosavidal', 'Rosa Vidal'))
    expect(answer.message).toMatch(/too easy to guess/)
  })

  it('refuses a password made of this site’s own name', async () => {
    const server = await startServer()
    const answer = await refusal(await signUpWith(server, 'rosa', 'coffeehouse1'))
    expect(answer.message).toMatch(/too easy to guess/)
  })

  it('still says a short password is too short, before judging how guessable it is', async () => {
    const server = await startServer()
    const answer = await refusal(await signUpWith(server, 'rosa', 'abc'))
    expect(answer.message).toBe('password: a password has at least 8 characters')
  })

  it('accepts a passphrase of unrelated words and signs the person in', async () => {
    const server = await startServer()
    const response = await signUpWith(server, 'rosa', 'lantern orchard velvet')
    expect(response.status).toBe(201)
    await expect(signIn(server, 'rosa', 'lantern orchard velvet')).resolves.toMatchObject({ user: { username: 'rosa' } })
  })
})
