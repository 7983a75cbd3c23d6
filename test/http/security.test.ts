import { describe, expect, it } from 'vitest'
import { startServer } from '../support/server'

describe('security headers', () => {
  it('sends a content security policy that allows the app’s own websocket and nothing foreign', async () => {
    const server = await startServer()
    const response = await fetch(`${server.url}/`)
    const policy = response.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("connect-src 'self'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("frame-ancestors 'self'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const server = await startServer()
    const response = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'rosa', password: 'long enough password', displayName: 'Rosa' }),
    })
    const cookie = response.headers.getSetCookie().join('\n')
    expect(cookie).toMatch(/coffeehouse\.sid=/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
  })
})
