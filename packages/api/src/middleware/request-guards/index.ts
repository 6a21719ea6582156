import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { problem } from '../problem-details/index.js'

export interface RequestGuardOptions {
  /** Largest accepted body in bytes. */
  maxBodyBytes?: number
}

/**
 * Refuses bodies that are too large (413) before anything reads them.
 *
 * @example
 * app.use('/v1/*', requestGuards({ maxBodyBytes: 100 * 1024 }))
 */
export function requestGuards({ maxBodyBytes = 100 * 1024 }: RequestGuardOptions = {}): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) =>
      problem(c, 413, { detail: `The request body is larger than this API accepts (${Math.round(maxBodyBytes / 1024)} KB).` }),
  })
}
