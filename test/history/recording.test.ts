import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUpMaintainer } from '../support/accounts'
import { connectClient } from '../support/clients'
import { listVersions, nameVersion, nextVersion, VERSIONS_API } from '../support/history'
import { setup, suggest, SUGGESTIONS_API } from '../support/review'
import { startServer } from '../support/server'
import { editDirectly } from '../support/suggest-edit'

const defaults = readConfig({}).versions

describe('recording versions', () => {
  it('starts a document’s history with the text it began with', async () => {
    const server = await startServer()
    const versions = await listVersions(server)
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({ number: 1, kind: 'edits', people: [], removed: 0 })
    expect(versions[0]!.added).toBeGreaterThan(1000)
  })

  it('records a version once editing pauses, with who edited and how much', async () => {
    const server = await startServer({ versions: { ...defaults, idleMs: 100 } })
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    const recorded = nextVersion(client)
    editDirectly(client.doc, (tr, find) => tr.insertText('Plainly, ', find('Most policy is still made')))
    const id = await recorded
    const latest = (await listVersions(server)).at(-1)!
    expect(latest).toMatchObject({ id, number: 2, kind: 'edits', people: [mara.user.id], added: 'Plainly, '.length, removed: 0 })
  })

  it('records a version while editing goes on without a pause, once the longest wait is over', async () => {
    const server = await startServer({ versions: { ...defaults, idleMs: 600_000, maxMs: 150 } })
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    const recorded = nextVersion(client)
    editDirectly(client.doc, (tr, find) => tr.insertText('Plainly, ', find('Most policy is still made')))
    await recorded
    expect((await listVersions(server)).at(-1)).toMatchObject({ number: 2, people: [mara.user.id] })
  })

  it('records a version at every accept and every reject, naming the decision', async () => {
    const context = await setup()
    const { server, mara } = context
    const accepted = await suggest(context, (tr, find) => tr.insertText('Read this. ', find('Most policy is still made')))
    const rejected = await suggest(context, (tr, find) => tr.insertText('Or not. ', find('the way it was')))
    expect((await as(server, mara).post(`${SUGGESTIONS_API}/${accepted}/accept`, {})).status).toBe(200)
    expect((await as(server, mara).post(`${SUGGESTIONS_API}/${rejected}/reject`, { reason: 'Says nothing.' })).status).toBe(200)
    const decisions = (await listVersions(server)).filter((version) => version.kind === 'decision')
    expect(decisions).toHaveLength(2)
    const log = (await (await as(server, null).get(`/api/documents/${MANIFESTO_ID}/decisions`)).json()) as { decisions: Array<{ id: string; suggestion: { id: string } }> }
    const decisionOf = (suggestion: string) => log.decisions.find((decision) => decision.suggestion.id === suggestion)!.id
    expect(decisions[0]).toMatchObject({ by: mara.user.id, decisions: [decisionOf(accepted)] })
    expect(decisions[1]).toMatchObject({ by: mara.user.id, decisions: [decisionOf(rejected)], removed: 'Or not. '.length })
  })

  it('records what was waiting when the document leaves memory, so a restart loses no version', async () => {
    const server = await startServer({ versions: { ...defaults, idleMs: 600_000, maxMs: 600_000 } })
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    editDirectly(client.doc, (tr, find) => tr.insertText('Plainly, ', find('Most policy is still made')))
    await client.allSaved()
    client.destroy()
    await server.stop()
    const again = await startServer({ dataDir: server.dataDir })
    expect((await listVersions(again)).at(-1)).toMatchObject({ number: 2, people: [mara.user.id], added: 'Plainly, '.length })
  })

  it('names the current text as the newest version when nothing changed since it', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const named = await nameVersion(server, mara, 'Draft 0.1 — the starting text', 'Before anyone wrote.')
    expect(named).toMatchObject({ number: 1, name: 'Draft 0.1 — the starting text', note: 'Before anyone wrote.', namedBy: mara.user.id })
    expect(await listVersions(server)).toHaveLength(1)
    const response = await as(server, mara).patch(`${VERSIONS_API}/${named.id}`, { name: 'Draft 0.1' })
    expect(((await response.json()) as { version: { name: string; note: null } }).version).toMatchObject({ name: 'Draft 0.1', note: null })
  })
})
