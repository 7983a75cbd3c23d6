import { Router } from 'express'
import type { CollabServer } from '../collab/collab-server'

export function healthRoutes(collab: CollabServer): Router {
  const router = Router()
  router.get('/health', (_request, response) => {
    response.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()), connections: collab.openConnections, documents: collab.openDocuments })
  })
  return router
}
