import type { MiddlewareHandler } from 'hono'
import { problem } from '../../middleware/problem-details/index.js'

/**
 * Lets calendar apps, which cannot send an Authorization header, pass a publishable key as `?key=`.
 * The key then goes through the usual `requireKey` check. A secret key in an address would end up
 * in logs and calendar settings, so it is refused; an Authorization header, when present, wins.
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
