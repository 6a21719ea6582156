import { createHash } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import type { Listen } from '../../db/database.js'
import type { ApiKey, ConsentText } from '../../db/types.js'
import { AnswerStore, type StoredAnswer } from './answer-store.js'
import { Freshness } from './freshness.js'
import { RecentRows } from './recent-rows.js'

export interface PublicCacheOptions {
  /** How long a public answer is served again at most, in milliseconds. */
  ttlMs: number
  /** The most bytes of answers kept in memory. */
  maxBytes?: number
  /** Other processes share the database: hear their changes, and tell them ours. */
  listen?: Listen
}

/** The public answers of this process and what makes them stale. */
export interface PublicCache {
  answers: AnswerStore
  freshness: Freshness
  /** The keys behind recent tokens. */
  keys: RecentRows<ApiKey>
  /** Each organization's consent texts in force, by organization id, as the forms check them. */
  consentTexts: RecentRows<OrganizationTexts>
  /** Whether other processes are told of this one's changes. */
  shared: boolean
  /** Stops hearing other processes. */
  close(): Promise<void>
}

export interface OrganizationTexts {
  organizationId: string
  texts: ConsentText[]
}

declare module 'hono' {
  interface ContextVariableMap {
    publicCache: PublicCache | undefined
    /** Set by a write that changes nothing the public can read (a pending sign-up): cached answers stay. */
    publicAnswersUnchanged: boolean | undefined
  }
}

/** Opens the cache; with `listen`, resolves once it hears the other processes. */
export async function openPublicCache({
  ttlMs,
  maxBytes = 16 << 20,
  listen,
}: PublicCacheOptions): Promise<PublicCache> {
  const freshness = new Freshness()
  const answers = new AnswerStore({ ttlMs, maxBytes, isCurrent: (org, stamp) => freshness.isCurrent(org, stamp) })
  const unlisten = listen ? await freshness.follow(listen) : undefined
  const keys = new RecentRows<ApiKey>(freshness, ttlMs, (key) => key.organization_id)
  const consentTexts = new RecentRows<OrganizationTexts>(freshness, ttlMs, (texts) => texts.organizationId)
  return { answers, freshness, keys, consentTexts, shared: Boolean(listen), close: async () => unlisten?.() }
}

// Per-origin CORS headers are the requireKey middleware's, written for each request.
const notStored = /^access-control-/

/**
 * Anyone may keep a public answer a second, as this process does; a CDN may serve it a little
 * longer while it fetches the next, or while the API is unreachable. A secret key's answer holds
 * more and stays private. Answers differ per organization, which only the key tells apart.
 */
const cacheControl = {
  publishable: 'public, max-age=1, stale-while-revalidate=10, stale-if-error=600',
  secret: 'private, no-cache',
}

/**
 * Public reads: an `ETag` on every answer and 304 for a matching `If-None-Match`; with the app's
 * public cache, publishable callers get answers computed at most `ttlMs` ago and never from before
 * a change of their organization (see `forgetOnWrite`). Runs after `requireKey`. Secret callers see
 * private data: their answers are never kept.
 *
 * @example
 * createRoute({ ..., middleware: [requireKey(), publicCache()] })
 */
export function publicCache(): MiddlewareHandler {
  return async function publicCacheMiddleware(c, next) {
    if (c.req.method !== 'GET') return next()
    const cache = c.get('caller').kind === 'publishable' ? c.get('publicCache') : undefined
    if (!cache) {
      await next()
      const stored = await storable(c)
      if (stored) replace(c, answer(c, stored, c.res.headers))
      else if (c.res.status === 304) cachingRules(c, c.res.headers)
      return
    }
    const organizationId = c.get('caller').organizationId
    const url = new URL(c.req.url)
    const key = `${organizationId}\n${url.pathname}${url.search}`
    const hit = cache.answers.get(key)
    if (hit && !hit.renew) return answer(c, hit.answer)
    const stamp = cache.freshness.stamp(organizationId)
    const flight = cache.answers.shared(key, organizationId, stamp, async () => {
      await next()
      return storable(c)
    })
    const stored = await flight.answer
    if (flight.leader) {
      if (stored) replace(c, answer(c, stored, c.res.headers))
      else if (c.res.status === 304) cachingRules(c, c.res.headers)
      return
    }
    // The shared computation's answer was not for keeping (an error, say): compute this one's own.
    if (stored) return answer(c, stored)
    await next()
  }
}

/**
 * After a write that succeeded, the writer's organization changed: its cached answers go, in this
 * process at once and in the others through NOTIFY. A write without a key (a confirmation link)
 * may have changed any organization. Writes that set `publicAnswersUnchanged` keep them.
 *
 * @example
 * app.use('*', forgetOnWrite())
 */
export function forgetOnWrite(): MiddlewareHandler {
  return async function forgetOnWriteMiddleware(c, next) {
    await next()
    const cache = c.get('publicCache')
    if (!cache || ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return
    if (c.res.status >= 400 || c.get('publicAnswersUnchanged')) return
    const organizationId = c.get('caller')?.organizationId
    cache.freshness.changed(organizationId)
    if (cache.shared) {
      // Not awaited: the answer need not wait, and a lost NOTIFY costs others at most `ttlMs`.
      cache.freshness.announce(c.get('db'), organizationId ?? '').catch((error: Error) => {
        console.error(`[relais] could not tell other processes of a change: ${error.message}`)
      })
    }
  }
}

/**
 * Reads a 200 answer worth keeping (JSON or a calendar), giving it an ETag and the caching rules of
 * its caller when its route set none.
 */
async function storable(c: Context): Promise<StoredAnswer | undefined> {
  const type = c.res.headers.get('content-type') ?? ''
  if (c.res.status !== 200 || !/^(application\/json|text\/calendar)/.test(type)) return undefined
  const body = new Uint8Array(await c.res.arrayBuffer())
  const headers = new Headers(c.res.headers)
  const etag = headers.get('etag') ?? `"b-${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`
  headers.set('etag', etag)
  cachingRules(c, headers)
  const kept: [string, string][] = []
  for (const [name, value] of headers) if (!notStored.test(name)) kept.push([name, value])
  return { body, headers: kept, etag }
}

/** The stored answer, or 304 when the caller already holds it. */
function answer(c: Context, stored: StoredAnswer, base?: Headers): Response {
  const fresh = ifNoneMatchHolds(c.req.header('if-none-match'), stored.etag)
  if (base) {
    const headers = new Headers(base)
    for (const [name, value] of stored.headers) headers.set(name, value)
    return new Response(fresh ? null : stored.body, { status: fresh ? 304 : 200, headers })
  }
  const headers = Object.fromEntries(stored.headers)
  return fresh ? c.body(null, 304, headers) : c.body(stored.body, 200, headers)
}

/** The caller's caching rules, where the route set none; answers always vary by key. */
function cachingRules(c: Context, headers: Headers): void {
  if (!headers.has('cache-control')) headers.set('cache-control', cacheControl[c.get('caller').kind])
  if (!/authorization/i.test(headers.get('vary') ?? '')) headers.append('vary', 'Authorization')
}

// Hono's setter would copy the old answer's headers over the new one's: the new one holds them all.
function replace(c: Context, response: Response): void {
  c.res = undefined
  c.res = response
}

/** Whether an `If-None-Match` header holds `etag` (weak comparison, as RFC 9110 says for it). */
export function ifNoneMatchHolds(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
