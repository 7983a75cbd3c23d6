import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp } from '../support/accounts'
import { browserAvailable, documentText, launchBrowser, personIn, visitorIn } from '../support/browser'
import { startServer } from '../support/server'

describe.skipIf(!browserAvailable)('accounts in the browser', () => {
  it('lets a person sign up and write in the manifesto, while a reader who is not signed in watches but cannot type', async () => {
    const server = await startServer()
    await signUp(server, 'admin') // the first account is the admin; the person below is an ordinary contributor
    const browser = await launchBrowser()
    const writer = await visitorIn(browser)
    const reader = await visitorIn(browser, { width: 375, height: 740 })
    const documentUrl = `${server.url}/d/${MANIFESTO_ID}`

    // The reader arrives first, not signed in: read-only, with an invitation to sign in.
    await reader.page.goto(documentUrl)
    await reader.page.waitForSelector('[data-testid=read-only-banner]')
    expect(await reader.page.textContent('[data-testid=read-only-banner]')).toContain('Sign in to contribute')
    expect(await reader.page.getAttribute('.ProseMirror', 'contenteditable')).toBe('false')

    // The writer signs up through the form and comes back to the manifesto.
    await writer.page.goto(`${server.url}/signup?next=${encodeURIComponent(`/d/${MANIFESTO_ID}`)}`)
    await writer.page.fill('[data-testid=signup-display-name]', 'Nadia Writer')
    await writer.page.fill('[data-testid=signup-username]', 'nadia')
    await writer.page.fill('[data-testid=signup-password]', 'a long enough password')
    await writer.page.click('[data-testid=signup-submit]')
    await writer.page.waitForURL(documentUrl)
    await writer.page.waitForSelector('.ProseMirror[contenteditable=true]')
    expect(await writer.page.locator('[data-testid=read-only-banner]').count()).toBe(0)

    await writer.page.click('.ProseMirror h1')
    await writer.page.keyboard.press('End')
    await writer.page.keyboard.press('Enter')
    await writer.page.keyboard.type('Written by a new contributor.', { delay: 10 })
    await writer.page.waitForSelector('[data-testid=save-status][data-state=saved]')

    // The reader sees it live, and the writer sees that someone is reading.
    await reader.page.waitForFunction(() => document.querySelector('.ProseMirror')?.textContent?.includes('Written by a new contributor.'))
    await writer.page.waitForSelector('[data-testid=presence-readers]')

    // Typing as the reader changes nothing, anywhere.
    const before = await documentText(reader.page)
    await reader.page.click('.ProseMirror h1')
    await reader.page.keyboard.type('A reader types.')
    expect(await documentText(reader.page)).toBe(before)
    const exported = await (await fetch(`${server.url}/api/documents/${MANIFESTO_ID}/export?format=text`)).text()
    expect(exported).toContain('Written by a new contributor.')
    expect(exported).not.toContain('A reader types.')
  })

  it('tells a person signing up with an easily guessed password why, under the password field, and creates no account', async () => {
    const server = await startServer()
    const browser = await launchBrowser()
    const visitor = await visitorIn(browser)
    await visitor.page.goto(`${server.url}/signup`)
    await visitor.page.fill('[data-testid=signup-display-name]', 'Nadia Writer')
    await visitor.page.fill('[data-testid=signup-username]', 'nadia')
    await visitor.page.fill('[data-testid=signup-password]', '12345678')
    await visitor.page.click('[data-testid=signup-submit]')
    const problem = visitor.page.locator('[data-testid=signup-password][aria-invalid=true]')
    await problem.waitFor()
    const message = await visitor.page.getByRole('alert').textContent()
    expect(message).toMatch(/^This password is too easy to guess\. This is a heavily used password\./)
    expect(new URL(visitor.page.url()).pathname).toBe('/signup')
    expect((await as(server, null).post('/api/auth/login', { username: 'nadia', password: '12345678' })).status).toBe(401)
  })

  it('lets a reader write as soon as a maintainer makes them a contributor, without reloading', async () => {
    const server = await startServer()
    const admin = await signUp(server, 'admin')
    const { id } = (await (await as(server, admin).post('/api/documents', { title: 'Members’ draft' })).json()) as { id: string }
    const browser = await launchBrowser()
    const reader = await personIn(browser, server.url, { username: 'rhea', displayName: 'Rhea' })
    await reader.page.goto(`${server.url}/d/${id}`)
    await reader.page.waitForSelector('[data-testid=read-only-banner]')

    const { user } = (await (await as(server, admin).get('/api/users/rhea')).json()) as { user: { id: string } }
    await as(server, admin).put(`/api/documents/${id}/members/${user.id}`, { role: 'contributor' })

    await reader.page.waitForSelector('.ProseMirror[contenteditable=true]')
    expect(await reader.page.locator('[data-testid=read-only-banner]').count()).toBe(0)
    await reader.page.click('.ProseMirror')
    await reader.page.keyboard.type('Promoted and writing.')
    await reader.page.waitForSelector('[data-testid=save-status][data-state=saved]')
    const exported = await (await fetch(`${server.url}/api/documents/${id}/export?format=text`)).text()
    expect(exported).toContain('Promoted and writing.')
  })
})
