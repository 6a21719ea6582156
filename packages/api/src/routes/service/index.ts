import type { OpenAPIHono } from '@hono/zod-openapi'
import { sql } from 'kysely'
import { problem } from '../../middleware/problem-details/index.js'
import { createRouter } from '../common/router.js'
import { mountDocs } from './docs.js'
import { openApiDocument } from './openapi.js'

/** Outside /v1: the contract, its rendered reference, and the probes of load balancers. */
export function serviceRoutes(api: OpenAPIHono) {
  const app = createRouter()
  let document: ReturnType<typeof openApiDocument> | undefined
  app.get('/openapi.json', (c) => {
    document ??= openApiDocument(api)
    return c.json(document)
  })
  mountDocs(app)
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(c.get('db'))
      return c.json({ status: 'ready', database: 'reachable' })
    } catch {
      return problem(c, 503, { detail: 'The database cannot be reached; requests will fail until it is back.' })
    }
  })
  return app
}
