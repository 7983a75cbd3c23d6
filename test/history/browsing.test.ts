import { describe, expect, it } from 'vitest'
import { readConfig } from '../../server/config'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { as, signUp, signUpMaintainer } from '../support/accounts'
import { connectClient } from '../support/clients'
import { COMPARE_API, listVersions, nameVersion, VERSIONS_API } from '../support/history'
import { startServer } from '../support/server'
import { serverContent } from '../support/server-document'
import { editDirectly, schema } from '../support/suggest-edit'

interface Comparison {
  content: { content?: unknown[] }
  summary: { added: number; removed: number; people: Array<{ person: string | null; added: number; removed: number }> }
}

interface ChangedText {
  text: string
  kind: 'added' | 'removed'
  by: string | null
}

/** The marked pieces of a comparison, in order. */
function changes(content: unknown): ChangedText[] {
  const found: ChangedText[] = []
  const visit = (node: { text?: string; marks?: Array<{ type: string; attrs: { kind: 'added' | 'removed'; by: string | null } }>; content?: unknown[] }) => {
    const change = node.marks?.find((mark) => mark.type === 'versionChange')
    if (change && node.text) found.push({ text: node.text, kind: change.attrs.kind, by: change.attrs.by })
    for (const child of node.content ?? []) visit(child as typeof node)
  }
  visit(content as Parameters<typeof visit>[0])
  return found
}

async function versionText(server: { url: string }, versionId: string): Promise<string> {
  const response = await as(server, null).get(`${VERSIONS_API}/${versionId}`)
  expect(response.status).toBe(200)
  const { content } = (await response.json()) as { content: object }
  return schema.nodeFromJSON(content).textBetween(0, schema.nodeFromJSON(content).content.size, '\n')
}

async function editAndSave(client: ReturnType<typeof connectClient>, edit: Parameters<typeof editDirectly>[1]) {
  editDirectly(client.doc, edit)
  await client.allSaved()
}

describe('browsing versions', () => {
  it('shows a named version’s exact text after many later edits, a compaction and a restart', async () => {
    // Compacting after every write folds the log into a snapshot again and again.
    const server = await startServer({ compactLogBytes: 1 })
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    await editAndSave(client, (tr, find) => tr.insertText('Draft words. ', find('Most policy is still made')))
    const named = await nameVersion(server, mara, 'Draft 0.3 — sent to members', 'For the assembly.')
    const expected = (await serverContent(server, MANIFESTO_ID)).textBetween(0, (await serverContent(server, MANIFESTO_ID)).content.size, '\n')
    await editAndSave(client, (tr, find) => tr.delete(find('Draft words. '), find('Draft words. ') + 'Draft words. '.length))
    for (let round = 0; round < 30; round++) {
      await editAndSave(client, (tr, find) => tr.insertText(`Later ${round}. `, find('Most policy is still made')))
      if (round > 0) await editAndSave(client, (tr, find) => tr.delete(find(`Later ${round - 1}. `), find(`Later ${round - 1}. `) + 3))
    }
    expect(await versionText(server, named.id)).toBe(expected)
    client.destroy()
    await server.stop()
    const again = await startServer({ dataDir: server.dataDir })
    expect(await versionText(again, named.id)).toBe(expected)
    expect((await listVersions(again)).find((version) => version.id === named.id)).toMatchObject({ name: 'Draft 0.3 — sent to members', note: 'For the assembly.' })
  })

  it('credits added text to its writer and removed text to who deleted it', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const dan = await signUpMaintainer(server, 'dan')
    const maras = connectClient(server, MANIFESTO_ID, mara)
    const dans = connectClient(server, MANIFESTO_ID, dan)
    await Promise.all([maras.synced(), dans.synced()])
    await editAndSave(maras, (tr, find) => tr.insertText('Mara wrote this. ', find('Most policy is still made')))
    const before = await nameVersion(server, mara, 'Before Dan')
    await dans.synced()
    await editAndSave(dans, (tr, find) => tr.delete(find('wrote this. '), find('wrote this. ') + 'wrote this. '.length))
    await editAndSave(dans, (tr, find) => tr.insertText('signed. ', find('Most policy is still made')))
    const response = await as(server, null).get(`${COMPARE_API}?from=${before.id}&to=current`)
    expect(response.status).toBe(200)
    const comparison = (await response.json()) as Comparison
    expect(changes(comparison.content)).toEqual([
      { text: 'wrote this. ', kind: 'removed', by: dan.user.id },
      { text: 'signed. ', kind: 'added', by: dan.user.id },
    ])
    expect(comparison.summary).toMatchObject({ added: 8, removed: 12, people: [{ person: dan.user.id, added: 8, removed: 12 }] })
  })

  it('compares the same two versions whichever is given first', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    const first = await nameVersion(server, mara, 'First')
    await editAndSave(client, (tr, find) => tr.insertText('New. ', find('Most policy is still made')))
    const second = await nameVersion(server, mara, 'Second')
    const forward = await (await as(server, null).get(`${COMPARE_API}?from=${first.id}&to=${second.id}`)).json()
    const backward = await (await as(server, null).get(`${COMPARE_API}?from=${second.id}&to=${first.id}`)).json()
    expect(backward).toEqual(forward)
    expect(changes((forward as Comparison).content)).toEqual([{ text: 'New. ', kind: 'added', by: mara.user.id }])
  })

  it('restores an old version as a new edit, and keeps every version, the restore included', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    const original = await nameVersion(server, mara, 'Original')
    const originalText = await versionText(server, original.id)
    await editAndSave(client, (tr, find) => tr.insertText('Regrettable. ', find('Most policy is still made')))
    await editAndSave(client, (tr, find) => tr.delete(find('the way it was'), find('the way it was') + 'the way it was'.length))
    const edited = await nameVersion(server, mara, 'Edited')
    const response = await as(server, mara).post(`${VERSIONS_API}/${original.id}/restore`)
    expect(response.status).toBe(201)
    const { version: restore } = (await response.json()) as { version: { id: string; kind: string; restoredFrom: string; by: string } }
    expect(restore).toMatchObject({ kind: 'restore', restoredFrom: original.id, by: mara.user.id })
    const now = await serverContent(server, MANIFESTO_ID)
    expect(now.textBetween(0, now.content.size, '\n')).toBe(originalText)
    const versions = await listVersions(server)
    expect(versions.map((version) => version.id)).toEqual(expect.arrayContaining([original.id, edited.id, restore.id]))
    expect(versions.at(-1)!.id).toBe(restore.id)
    expect(await versionText(server, edited.id)).toContain('Regrettable. ')
    expect(await versionText(server, restore.id)).toBe(originalText)
  })

  it('exports an old version exactly as the document exported at that time, with credits', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara', { displayName: 'Mara' })
    const client = connectClient(server, MANIFESTO_ID, mara)
    await client.synced()
    await editAndSave(client, (tr, find) => tr.insertText('Mara’s sentence. ', find('Most policy is still made')))
    const exportNow = async (format: string) => (await as(server, null).get(`/api/documents/${MANIFESTO_ID}/export?format=${format}`)).text()
    const [markdown, html] = [await exportNow('markdown'), await exportNow('html')]
    const named = await nameVersion(server, mara, 'Draft 0.2')
    await editAndSave(client, (tr, find) => tr.insertText('Later words. ', find('Most policy is still made')))
    const exported = async (format: string) => {
      const response = await as(server, null).get(`${VERSIONS_API}/${named.id}?format=${format}`)
      expect(response.headers.get('content-disposition')).toContain(`${MANIFESTO_ID}-version-${named.number}.`)
      return response.text()
    }
    expect(await exported('markdown')).toBe(markdown)
    expect(markdown).toContain('Mara (')
    // The HTML's title names the version; the body is the same.
    const body = (page: string) => page.slice(page.indexOf('<body>'))
    expect(body(await exported('html'))).toBe(body(html))
  })

  it('shows a signed-in person what changed since they last had the document open', async () => {
    // Any time away starts a new visit, so the test need not wait half an hour.
    const server = await startServer({ versions: { ...readConfig({}).versions, visitGapMs: 0 } })
    const mara = await signUpMaintainer(server, 'mara')
    const carla = await signUp(server, 'carla', 'Carla')
    const carlas = connectClient(server, MANIFESTO_ID, carla)
    await carlas.synced()
    const maras = connectClient(server, MANIFESTO_ID, mara)
    await maras.synced()
    carlas.destroy()
    await expect.poll(async () => (await (await as(server, carla).get(VERSIONS_API)).json()).lastVisit).not.toBeNull()
    await editAndSave(maras, (tr, find) => tr.insertText('While you were away. ', find('Most policy is still made')))
    const comparison = (await (await as(server, carla).get(`${COMPARE_API}?from=last-visit&to=current`)).json()) as Comparison
    expect(changes(comparison.content)).toEqual([{ text: 'While you were away. ', kind: 'added', by: mara.user.id }])
    expect((await as(server, null).get(`${COMPARE_API}?from=last-visit`)).status).toBe(401)
    expect((await as(server, mara).get(`${COMPARE_API}?from=last-visit`)).status).toBe(404)
  })
})

describe('who may change the history', () => {
  it('refuses naming and restoring to readers (403) and to people signed out (401), changing nothing', async () => {
    const server = await startServer()
    await signUpMaintainer(server, 'mara')
    const reader = await signUp(server, 'rita', 'Rita')
    const [first] = await listVersions(server)
    for (const person of [reader, null]) {
      const status = person ? 403 : 401
      expect((await as(server, person).post(VERSIONS_API, { name: 'Mine' })).status).toBe(status)
      expect((await as(server, person).patch(`${VERSIONS_API}/${first!.id}`, { name: 'Mine' })).status).toBe(status)
      expect((await as(server, person).post(`${VERSIONS_API}/${first!.id}/restore`)).status).toBe(status)
    }
    expect(await listVersions(server)).toEqual([first])
  })

  it('answers a version that does not exist, or a bad name, with a clear error', async () => {
    const server = await startServer()
    const mara = await signUpMaintainer(server, 'mara')
    const missing = await as(server, null).get(`${VERSIONS_API}/no-such-version`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { id: 'version_not_found' } })
    expect((await as(server, null).get(`${VERSIONS_API}/current`)).status).toBe(404)
    expect((await as(server, mara).post(VERSIONS_API, { name: '' })).status).toBe(400)
    expect((await as(server, mara).post(VERSIONS_API, { name: 'x'.repeat(121) })).status).toBe(400)
    expect((await as(server, mara).post(`${VERSIONS_API}/no-such-version/restore`)).status).toBe(404)
    expect((await as(server, null).get(`${COMPARE_API}?from=nope`)).status).toBe(404)
    expect(await listVersions(server)).toHaveLength(1)
  })
})
