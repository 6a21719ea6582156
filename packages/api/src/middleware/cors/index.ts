import type { MiddlewareHandler } from 'hono'
import { knownOrigins } from '../../domain/keys/keys.js'
import { originAllowed } from '../../domain/keys/origins.js'
import { problem } from '../problem-details/index.js'

export interface CorsOptions {
  /** How long browsers may cache a preflight answer, in seconds. */
  maxAge?: number
}

/**
 * Answers CORS preflights. A preflight carries no key, so it is accepted for origins that some
 * active key allows; the real request is then checked against its own key. Every answer varies
 * by Origin so caches never mix sites.
 *
 * @example
 * app.use('/v1/*', cors())
 */
export function cors({ maxAge = 600 }: CorsOptions = {}): MiddlewareHandler {
  return async function corsMiddleware(c, next) {
    c.header('vary', 'Origin', { append: true })
    const origin = c.req.header('origin')
    if (c.req.method !== 'OPTIONS' || !origin || !c.req.header('access-control-request-method')) return next()
    if (!originAllowed(origin, [...(await knownOrigins(c.get('db')))])) {
      return problem(c, 403, { detail: `No API key of this server allows requests from ${origin}.` })
    }
    return c.body(null, 204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
      'access-control-allow-headers':
        'Authorization, Content-Type, Idempotency-Key, If-None-Match, If-Match, Last-Event-ID, Relais-Widget',
      'access-control-max-age': String(maxAge),
      vary: 'Origin',
    })
  }
}
