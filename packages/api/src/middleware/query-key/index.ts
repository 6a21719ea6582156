import type { MiddlewareHandler } from 'hono'
import { problem } from '../problem-details/index.js'

/**
 * Lets clients that cannot send an Authorization header pass a publishable key as `?key=`:
 * calendar apps subscribing to an iCalendar feed, browsers' `EventSource` on the activity stream.
 * The key then goes through the usual `requireKey` check (the Origin check included). A secret key
 * in an address would end up in logs and settings, so it is refused; an Authorization header, when
 * present, wins.
 *
 * @example
 * createRoute({ ..., middleware: [keyFromQuery(), requireKey()] })
 */
export function keyFromQuery(): MiddlewareHandler {
  return async function keyFromQueryMiddleware(c, next) {
    const key = c.req.query('key')
    if (key !== undefined && !c.req.header('authorization')) {
      if (!key.startsWith('pk_')) {
        return problem(c, 401, {
          detail: 'Only a publishable key (pk_…) may be sent as `key`; send secret keys in the Authorization header.',
          headers: { 'www-authenticate': 'Bearer error="invalid_request"' },
        })
      }
      c.req.raw.headers.set('authorization', `Bearer ${key}`)
    }
    await next()
  }
}

/** The OpenAPI security scheme of `keyFromQuery`, registered by the routers that use it. */
export const queryKeyScheme = {
  type: 'apiKey' as const,
  in: 'query' as const,
  name: 'key',
  description:
    'A publishable key (`pk_…`) as the `key` query parameter, only where an Authorization header cannot be sent: ' +
    'the iCalendar routes (calendar apps) and the activity stream (`EventSource` in browsers).',
}
