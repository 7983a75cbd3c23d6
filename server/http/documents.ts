import { Router } from 'express'
import { z } from 'zod'
import type { Accounts } from '../auth/accounts'
import { readAuthorship } from '../attribution/authorship'
import { creditSections } from '../attribution/credits'
import { displayName, personLookup } from '../attribution/people'
import { DocumentPermissions } from '../auth/roles'
import type { Attribution } from '../attribution/attribution-extension'
import type { CollabServer } from '../collab/collab-server'
import { withRoom } from '../collab/with-room'
import { initialChange, readContent, type DocumentModel } from '../documents/content'
import { EXPORT_FORMATS } from '../../model/export-formats'
import type { Exporter } from '../documents/export'
import { createDocumentId } from '../documents/ids'
import { EMPTY_DOCUMENT } from '../documents/seed'
import type { Store } from '../storage/store'
import type { AccessControl } from '../auth/access'
import { currentUser, requireUser } from './current-user'
import { documentSummary, managedDocument, readableDocument } from './document-access'
import { parseRequest } from './errors'

const title = z.string().trim().min(1, 'a title is required').max(200, 'a title has at most 200 characters')
const createDocumentBody = z.object({ title })
const updateDocumentBody = z.object({
  title: title.optional(),
  visibility: z.enum(['public', 'members']).optional(),
  openToContributions: z.boolean().optional(),
})
const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('markdown') })

export interface DocumentRoutesOptions {
  attribution: Attribution
  store: Store
  accounts: Accounts
  collab: CollabServer
  accessControl: AccessControl
  model: DocumentModel
  exporter: Exporter
}

export function documentRoutes({ store, accounts, collab, accessControl, model, exporter, attribution }: DocumentRoutesOptions): Router {
  const router = Router()
  const lookup = personLookup(accounts)

  router.get('/documents', async (_request, response) => {
    const viewer = currentUser(response)
    const documents = (await store.listDocuments())
      .map((document) => ({ document, permissions: new DocumentPermissions(viewer, document.access) }))
      .filter(({ permissions }) => permissions.canRead())
      .map(documentSummary)
    documents.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    response.json({ documents })
  })

  router.post('/documents', async (request, response) => {
    const creator = requireUser(response)
    const { title } = parseRequest(createDocumentBody, request.body)
    const document = await store.createDocument(
      {
        id: createDocumentId(title),
        title,
        // Public and maintained by its creator, who opens it to contributions or invites people.
        access: { visibility: 'public', openToContributions: false, members: { [creator.id]: 'maintainer' }, blocked: [] },
      },
      initialChange(model, EMPTY_DOCUMENT, Date.now()),
    )
    response.status(201).location(`/d/${document.id}`).json({ id: document.id })
  })

  router.get('/documents/:id', async (request, response) => {
    response.json(documentSummary(await readableDocument(store, request.params.id, currentUser(response))))
  })

  router.patch('/documents/:id', async (request, response) => {
    const viewer = currentUser(response)
    const { document } = await managedDocument(store, request.params.id, viewer)
    const change = parseRequest(updateDocumentBody, request.body)
    const updated = await store.updateDocument(document.id, (stored) => {
      if (change.title !== undefined) stored.title = change.title
      if (change.visibility !== undefined) stored.access.visibility = change.visibility
      if (change.openToContributions !== undefined) stored.access.openToContributions = change.openToContributions
    })
    await accessControl.revalidate(document.id)
    response.json(documentSummary({ document: updated, permissions: new DocumentPermissions(viewer, updated.access) }))
  })

  router.get('/documents/:id/export', async (request, response) => {
    const { document } = await readableDocument(store, request.params.id, currentUser(response))
    const { format } = parseRequest(exportQuery, request.query)
    await withRoom(collab, document.id, (room) => {
      const { doc } = room
      const sections = creditSections(readAuthorship(doc, attribution.indexOf(room), model.schema)).map(({ heading, credits }) => ({
        heading,
        credits: credits.map(({ person, characters }) => ({ name: displayName(person, lookup), characters })),
      }))
      const rendered = exporter.render(readContent(model, doc), format, document.title, { sections })
      response.type(rendered.mediaType).attachment(`${document.id}.${rendered.extension}`).send(rendered.body)
    })
  })

  return router
}

