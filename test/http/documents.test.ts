import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID, MANIFESTO_TITLE } from '../../server/documents/manifesto'
import { as, signUp } from '../support/accounts'
import { appendParagraph, connectClient } from '../support/clients'
import { startServer, type TestServer } from '../support/server'
import { suggestEdit } from '../support/suggest-edit'
import { PARAGRAPH_BREAK } from '../../model/schema/suggestion-model'

async function post(server: TestServer, path: string, body: string, cookie = '') {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body })
}

describe('the documents API', () => {
  it('reports health', async () => {
    const server = await startServer()
    const response = await fetch(`${server.url}/api/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok', connections: 0, documents: 0 })
  })

  it('counts open connections and documents in its health report', async () => {
    const server = await startServer()
    const client = connectClient(server, MANIFESTO_ID)
    await client.synced()
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ connections: 1, documents: 1 })
  })

  it('lists the starter manifesto', async () => {
    const server = await startServer()
    const { documents } = (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: Array<{ id: string; title: string }> }
    expect(documents).toEqual([expect.objectContaining({ id: MANIFESTO_ID, title: MANIFESTO_TITLE })])
  })

  it('creates a document from a title and returns its id', async () => {
    const server = await startServer()
    const ana = await signUp(server, 'ana')
    const response = await post(server, '/api/documents', JSON.stringify({ title: 'Housing policy — first draft' }), ana.cookie)
    expect(response.status).toBe(201)
    const { id } = (await response.json()) as { id: string }
    expect(id).toMatch(/^housing-policy-first-draft-[a-z0-9]{6}$/)
    const document = await (await fetch(`${server.url}/api/documents/${id}`)).json()
    expect(document).toMatchObject({ id, title: 'Housing policy — first draft', visibility: 'public', openToContributions: false, role: 'reader' })
    expect(await (await as(server, ana).get(`/api/documents/${id}`)).json()).toMatchObject({ role: 'admin' })
    const client = connectClient(server, id)
    await client.synced()
    expect(client.doc.getXmlFragment('default').toString()).toBe('<paragraph></paragraph>')
  })

  it.each([
    ['a missing title', '{}', /title/],
    ['a title of the wrong type', '{"title": 42}', /title/],
    ['an empty title', '{"title": "   "}', /a title is required/],
    ['a body that is not an object', '[1,2]', /object/],
  ])('refuses %s with a 400 and creates nothing', async (_case, body, message) => {
    const server = await startServer()
    const response = await post(server, '/api/documents', body, (await signUp(server, 'ana')).cookie)
    expect(response.status).toBe(400)
    const { error } = (await response.json()) as { error: { id: string; message: string } }
    expect(error.id).toBe('invalid_request')
    expect(error.message).toMatch(message)
    const { documents } = (await (await fetch(`${server.url}/api/documents`)).json()) as { documents: unknown[] }
    expect(documents).toHaveLength(1)
  })

  it('refuses invalid JSON with a clear error', async () => {
    const server = await startServer()
    const response = await post(server, '/api/documents', '{"title":')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: { id: 'invalid_json', message: 'The request body is not valid JSON.' } })
  })

  it('refuses an oversized body with a 413', async () => {
    const server = await startServer()
    const response = await post(server, '/api/documents', JSON.stringify({ title: 'x'.repeat(100_000) }))
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { id: string } }).error.id).toBe('body_too_large')
  })

  it('answers 404 with an error id for an unknown document', async () => {
    const server = await startServer()
    for (const path of ['/api/documents/nothing-here', '/api/documents/nothing-here/export', '/api/documents/..%2Fmetadata.json']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status).toBe(404)
      expect(((await response.json()) as { error: { id: string } }).error.id).toBe('document_not_found')
    }
  })

  it('answers 404 for an unknown API path', async () => {
    const server = await startServer()
    const response = await fetch(`${server.url}/api/nope`)
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error: { id: string } }).error.id).toBe('not_found')
  })

  it('exports the current text as Markdown, HTML, JSON and plain text', async () => {
    const server = await startServer()
    const writer = connectClient(server, MANIFESTO_ID, await signUp(server, 'writer'))
    await writer.synced()
    appendParagraph(writer.doc, 'A freshly typed line.')
    await writer.allSaved()
    const exportAs = async (format: string) => {
      const response = await fetch(`${server.url}/api/documents/${MANIFESTO_ID}/export?format=${format}`)
      expect(response.status).toBe(200)
      return { type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: await response.text() }
    }
    const markdown = await exportAs('markdown')
    expect(markdown.type).toMatch(/^text\/markdown/)
    expect(markdown.disposition).toMatch(new RegExp(`^attachment; filename="?${MANIFESTO_ID}\\.md"?$`))
    expect(markdown.body).toMatch(/^# The Guerilla Manifesto\n/)
    expect(markdown.body).toContain('\n## Preamble\n')
    expect(markdown.body).toContain('- Read the draft and its history.')
    // The text ends with the new line; the credits block follows it.
    expect(markdown.body).toMatch(/A freshly typed line\.\n\n---\n\n## Credits\n/)

    const html = await exportAs('html')
    expect(html.type).toMatch(/^text\/html/)
    expect(html.body).toContain('<title>The Guerilla Manifesto</title>')
    expect(html.body).toContain('<h2>Preamble</h2>')
    expect(html.body).toContain('<p>A freshly typed line.</p>')

    const json = JSON.parse((await exportAs('json')).body) as { type: string; content: Array<{ type: string }> }
    expect(json.type).toBe('doc')
    expect(json.content[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } })

    const text = await exportAs('text')
    expect(text.body.split('\n')[0]).toBe('The Guerilla Manifesto')
    expect(text.body.endsWith('\nA freshly typed line.')).toBe(true)
  })

  it('shows a paragraph break proposed inside the text as a pilcrow in Markdown, HTML and plain text', async () => {
    const server = await startServer()
    const person = await signUp(server, 'writer')
    const writer = connectClient(server, MANIFESTO_ID, person)
    await writer.synced()
    suggestEdit(writer.doc, person.user.id, (tr, find) => tr.split(find('a century ago')))
    await writer.allSaved()
    for (const format of ['markdown', 'html', 'text']) {
      const body = await (await fetch(`${server.url}/api/documents/${MANIFESTO_ID}/export?format=${format}`)).text()
      // In HTML the pilcrow is inside the insertion's <ins>, as the editor shows it.
      expect(body.replace(/<[^>]*>/g, ''), format).toContain('¶a century ago')
      expect(body, format).not.toContain(PARAGRAPH_BREAK)
    }
  })

  it('refuses an unknown export format', async () => {
    const server = await startServer()
    const response = await fetch(`${server.url}/api/documents/${MANIFESTO_ID}/export?format=docx`)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/format/)
  })

  it('serves the built editor for every page the editor routes', async () => {
    const server = await startServer()
    for (const page of ['/', `/d/${MANIFESTO_ID}`, '/d/anything/else']) {
      const response = await fetch(`${server.url}${page}`)
      expect(response.status, 'the editor is built (npm run build)').toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await response.text()).toContain('<div id="root"')
    }
  })
})
