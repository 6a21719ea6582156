import type { MiddlewareHandler } from 'hono'
import type { WorkerWake } from '../../jobs/wake.js'

const reads = ['GET', 'HEAD', 'OPTIONS']

/**
 * After a write that succeeded, idle workers are woken: the write may have queued an e-mail or a
 * webhook. Outermost, so that the write's transaction (an `Idempotency-Key`'s included) has
 * committed by then, and the workers find its jobs.
 *
 * @example
 * app.use('/v1/*', wakeWorkers(new WorkerWake(db)))
 */
export function wakeWorkers(wake: WorkerWake): MiddlewareHandler {
  return async function wakeWorkersMiddleware(c, next) {
    await next()
    if (!reads.includes(c.req.method) && c.res.status < 400) wake.request()
  }
}
