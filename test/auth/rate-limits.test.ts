import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { MessageBudget } from '../../server/collab/message-budget'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, PASSWORD, signUp, signUpMaintainer } from '../support/accounts'
import { appendParagraph, connectClient, textOf } from '../support/clients'
import { until } from '../support/events'
import { defaultLimits, startServer } from '../support/server'

describe('rate limits', () => {
  it('allows 20 sign-in attempts per address in 15 minutes, and refuses the 21st with 429', async () => {
    const server = await startServer()
    expect(defaultLimits().authAttemptsPer15Minutes).toBe(20)
    await signUp(server, 'rosa')
    const attempt = () => as(server, null).post('/api/auth/login', { username: 'rosa', password: 'wrong password' })
    for (let i = 2; i <= 20; i++) expect((await attempt()).status).toBe(401)
    const refused = await attempt()
    expect(refused.status).toBe(429)
    expect(((await refused.json()) as { error: { id: string } }).error.id).toBe('rate_limited')
    // Even the right password waits out the window.
    expect((await as(server, null).post('/api/auth/login', { username: 'rosa', password: PASSWORD })).status).toBe(429)
  })

  it('allows 60 websocket connections per address per minute, and refuses the 61st before upgrading', async () => {
    const server = await startServer()
    expect(defaultLimits().connectionsPerMinute).toBe(60)
    const open = (): Promise<number> =>
      new Promise((resolve) => {
        const socket = new WebSocket(`${server.collabUrl}/${MANIFESTO_ID}`)
        socket.once('open', () => {
          socket.close()
          resolve(101)
        })
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      })
    for (let i = 1; i <= 60; i++) expect(await open()).toBe(101)
    expect(await open()).toBe(429)
  })

  it('spends one message token per message and refills them at the sustained rate', () => {
    let now = 0
    const budget = new MessageBudget(100, 500, () => now)
    for (let i = 0; i < 500; i++) expect(budget.spend()).toBe(0)
    expect(budget.spend()).toBeCloseTo(10)
    now += 20 // 2 tokens back, 1 owed: 1 left
    expect(budget.spend()).toBe(0)
    expect(budget.spend()).toBeCloseTo(10)
  })

  it('slows a client that sends more than its allowance, without dropping anything or closing', async () => {
    const server = await startServer({ limits: { ...defaultLimits(), messagesPerSecond: 200, messageBurst: 20 } })
    const admin = await signUp(server, 'admin')
    const writer = connectClient(server, MANIFESTO_ID, await signUpMaintainer(server, 'fast', { admin }))
    const reader = connectClient(server, MANIFESTO_ID)
    await Promise.all([writer.synced(), reader.synced()])
    for (let i = 0; i < 100; i++) appendParagraph(writer.doc, `burst ${i}`)
    await writer.allSaved()
    await until(() => textOf(reader.doc).includes('burst 99'), [reader.doc], 'update')
    expect(textOf(reader.doc)).toBe(textOf(writer.doc))
    expect(writer.provider.wsconnected).toBe(true)
  })
})
