import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { problem } from '../problem-details/index.js'

export interface RequestGuardOptions {
  /** Largest accepted body in bytes. */
  maxBodyBytes?: number
}

// PostgreSQL stores no NUL character in text or jsonb: refused here once for every route, it can
// never reach a query and turn a client's mistake into a 500.
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (Array.isArray(value)) return value.some(hasNul)
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => hasNul(k) || hasNul(v))
  return false
}

const nulRefused = (c: Context, where: string) =>
  problem(c, 400, {
    detail: `The ${where} contains a NUL character (\\u0000), which no field accepts.`,
    errors: [{ path: where === 'address' ? 'query' : '(body)', message: 'Remove the NUL character.' }],
  })

async function refuseNul(c: Context, next: () => Promise<void>) {
  if (/%00/.test(c.req.url) || c.req.url.includes('\u0000')) return nulRefused(c, 'address')
  if (/json/i.test(c.req.header('content-type') ?? '') && ['POST', 'PATCH', 'PUT'].includes(c.req.method)) {
    const text = await c.req.text()
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return next() // the route's own validation answers malformed JSON
    }
    if (hasNul(body)) return nulRefused(c, 'body')
  }
  return next()
}

/**
 * Refuses bodies that are too large (413) before anything reads them, and text PostgreSQL cannot
 * store (400).
 *
 * @example
 * app.use('/v1/*', requestGuards({ maxBodyBytes: 100 * 1024 }))
 */
export function requestGuards({ maxBodyBytes = 100 * 1024 }: RequestGuardOptions = {}): MiddlewareHandler {
  const tooLarge = (c: Context) =>
    problem(c, 413, {
      detail: `The request body is larger than this API accepts (${Math.round(maxBodyBytes / 1024)} KB).`,
    })
  // Counts a body sent in chunks as it arrives, stopping at the limit.
  const limit = bodyLimit({ maxSize: maxBodyBytes, onError: tooLarge })
  return async function requestGuardsMiddleware(c, next) {
    // No route reads the body of these. Asking for it would make the server build a full Request
    // (stream, abort signal) for every page view: that was half the CPU of a cached read.
    if (bodiless.has(c.req.method)) return refuseNul(c, next)
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(length) > maxBodyBytes ? tooLarge(c) : refuseNul(c, next)
    }
    return limit(c, () => refuseNul(c, next) as Promise<void>)
  }
}

const bodiless = new Set(['GET', 'HEAD', 'OPTIONS'])
