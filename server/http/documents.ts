import { Router } from 'express'
import { z } from 'zod'
import type { CollabServer } from '../collab/collab-server'
import { readContent, encodeInitialState, type DocumentModel } from '../documents/content'
import { EXPORT_FORMATS, type Exporter } from '../documents/export'
import { createDocumentId, isDocumentId } from '../documents/ids'
import { EMPTY_DOCUMENT } from '../documents/seed'
import type { DocumentMeta, Store } from '../storage/store'
import { ApiError, parseRequest } from './errors'

const createDocumentBody = z.object({
  title: z.string().trim().min(1, 'a title is required').max(200, 'a title has at most 200 characters'),
})

const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('markdown'),
})

export interface DocumentRoutesOptions {
  store: Store
  collab: CollabServer
  model: DocumentModel
  exporter: Exporter
}

export function documentRoutes({ store, collab, model, exporter }: DocumentRoutesOptions): Router {
  const router = Router()

  const findDocument = async (id: string): Promise<DocumentMeta> => {
    const document = isDocumentId(id) ? await store.getDocument(id) : undefined
    if (!document) throw new ApiError(404, 'document_not_found', `No document has the id "${id.slice(0, 80)}".`)
    return document
  }

  router.get('/documents', async (_request, response) => {
    const documents = await store.listDocuments()
    documents.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    response.json({ documents })
  })

  router.post('/documents', async (request, response) => {
    const { title } = parseRequest(createDocumentBody, request.body)
    const document = await store.createDocument(
      { id: createDocumentId(title), title },
      encodeInitialState(model, EMPTY_DOCUMENT),
    )
    response.status(201).location(`/d/${document.id}`).json({ id: document.id })
  })

  router.get('/documents/:id', async (request, response) => {
    response.json(await findDocument(request.params.id))
  })

  router.get('/documents/:id/export', async (request, response) => {
    const document = await findDocument(request.params.id)
    const { format } = parseRequest(exportQuery, request.query)
    const handle = await collab.openDocument(document.id)
    try {
      const rendered = exporter.render(readContent(model, handle.room.doc), format, document.title)
      response
        .type(rendered.mediaType)
        .attachment(`${document.id}.${rendered.extension}`)
        .send(rendered.body)
    } finally {
      await handle.release()
    }
  })

  return router
}
