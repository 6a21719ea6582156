import { OpenAPIHono } from '@hono/zod-openapi'
import type { Kysely } from 'kysely'
import type { AppConfig } from './context.js'
import type { Database } from './db/types.js'
import { BatchedCounter } from './domain/rate-limits/batched-counter.js'
import type { WorkerWake } from './jobs/wake.js'
import { cors } from './middleware/cors/index.js'
import { notFound, onError } from './middleware/problem-details/index.js'
import { forgetOnWrite, type PublicCache } from './middleware/public-cache/index.js'
import { rateLimit } from './middleware/rate-limit/index.js'
import { requestGuards } from './middleware/request-guards/index.js'
import { wakeWorkers } from './middleware/wake-workers/index.js'
import { devMailbox } from './routes/dev-mailbox/index.js'
import { homeRouter } from './routes/home/index.js'
import { routers } from './routes/index.js'
import { serviceRoutes } from './routes/service/index.js'
import { unsubscribePages } from './routes/unsubscribe/index.js'
import { widgetsRouter } from './routes/widgets/index.js'

export interface AppOptions {
  db: Kysely<Database>
  config: AppConfig
  /** Recent public answers (see `openPublicCache`); without it every request is computed. */
  publicCache?: PublicCache
  /** Wakes the workers after writes (see `WorkerWake`); without it they find new jobs at their next poll. */
  workerWake?: WorkerWake
}

/** Assembles the API: shared guards, every resource's routes, the contract and the service pages. */
export function createApp({ db, config, publicCache, workerWake }: AppOptions) {
  const app = new OpenAPIHono()
  const readCounter = config.rateLimits ? new BatchedCounter(db) : undefined
  app.use('*', async function provide(c, next) {
    c.set('db', db)
    c.set('config', config)
    c.set('publicCache', publicCache)
    c.set('readCounter', readCounter)
    await next()
  })
  if (workerWake) app.use('*', wakeWorkers(workerWake))
  app.use('*', forgetOnWrite())
  app.use('/v1/*', cors(), rateLimit(), requestGuards())
  for (const router of routers) app.route('/', router)
  app.openAPIRegistry.registerComponent('securitySchemes', 'publishableKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'A publishable key (`pk_…`): public operations, from the browser origins it lists.',
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'A secret key (`sk_…`) with scopes: server-side only.',
  })
  app.route('/', serviceRoutes(app))
  app.route('/', homeRouter)
  app.route('/', widgetsRouter)
  app.route('/', unsubscribePages)
  app.route('/', devMailbox)
  app.onError(onError)
  app.notFound(notFound(() => app.routes))
  return app
}

export type RelaisApp = ReturnType<typeof createApp>
