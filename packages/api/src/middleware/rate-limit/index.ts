import type { Context, MiddlewareHandler, Next } from 'hono'
import type { BatchedCounter } from '../../domain/rate-limits/batched-counter.js'
import { callerBucket, emailBucket } from '../../domain/rate-limits/buckets.js'
import { countRequest, type WindowCount } from '../../domain/rate-limits/counters.js'
import { type PolicyName, policyNames, type Quota } from '../../domain/rate-limits/policies.js'
import { problem } from '../problem-details/index.js'
import { clientAddress } from './client-address.js'

declare module 'hono' {
  interface ContextVariableMap {
    /** Public reads' counts, kept in memory and shared through the database in batches. */
    readCounter: BatchedCounter | undefined
  }
}

export interface RateLimitOptions {
  /** Reads the bearer token; by default, `Authorization: Bearer <token>`. */
  tokenOf?: (c: Context) => string | undefined
}

export interface EmailRateLimitOptions {
  /** The body field holding the e-mail address. */
  field?: string
}

interface Counted {
  policy: PolicyName
  quota: Quota
  count: WindowCount
}

const bearer = (c: Context) =>
  /^Bearer\s+((?:pk|sk)_[a-z]+_[0-9a-z]{10,80})$/i.exec(c.req.header('authorization') ?? '')?.[1]

/**
 * Counts every /v1 request against the caller's quota (see `RateLimitPolicies`), in PostgreSQL so
 * that all processes share it (public reads through the app's `BatchedCounter` when it has one), and announces it on every answer with the IETF draft headers
 * `RateLimit-Policy` and `RateLimit`. Over the quota, 429 with `Retry-After`. Runs before the key
 * is looked up: the token names the bucket, so refused keys are counted too. Does nothing when
 * the app has no `rateLimits` (RELAIS_RATE_LIMITS=off).
 *
 * @example
 * app.use('/v1/*', rateLimit())
 */
export function rateLimit({ tokenOf = bearer }: RateLimitOptions = {}): MiddlewareHandler {
  return async function rateLimitMiddleware(c, next) {
    const policies = c.get('config').rateLimits
    if (!policies) return next()
    const token = tokenOf(c)
    const which = token?.startsWith('sk_')
      ? 'secret'
      : ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)
        ? 'publicRead'
        : 'publicWrite'
    const policy = policyNames[which]
    const quota = policies[which]
    const bucket = callerBucket(policy, token, clientAddress(c, c.get('config').trustProxy))
    // Reads come in floods and are harmless one by one: counted in memory, shared in batches.
    // Writes are counted exactly, one statement each.
    const counter = which === 'publicRead' ? c.get('readCounter') : undefined
    const count = counter ? await counter.count(bucket, quota) : await countRequest(c.get('db'), bucket, quota)
    return enforce(c, next, { policy, quota, count })
  }
}

/**
 * Counts a public write against the quota of the e-mail address in its body, per organization,
 * whoever sends it and from wherever: it protects a person from receiving e-mail after e-mail.
 * Attempts are counted, not members, so the answer tells nothing about who is one. Runs after
 * `requireKey`; a body without an address is left to validation.
 *
 * @example
 * createRoute({ ..., middleware: [requireKey(), emailRateLimit()] })
 */
export function emailRateLimit({ field = 'email' }: EmailRateLimitOptions = {}): MiddlewareHandler {
  return async function emailRateLimitMiddleware(c, next) {
    const quota = c.get('config').rateLimits?.email
    if (!quota) return next()
    const body: unknown = await c.req.json().catch(() => undefined)
    const email = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined
    if (typeof email !== 'string' || email.trim() === '') return next()
    const bucket = emailBucket(c.get('caller').organizationId, email)
    return enforce(c, next, { policy: 'email', quota, count: await countRequest(c.get('db'), bucket, quota) })
  }
}

async function enforce(c: Context, next: Next, counted: Counted) {
  const { policy, quota, count } = counted
  const headers = {
    'ratelimit-policy': `"${policy}";q=${quota.limit};w=${quota.windowSeconds}`,
    ratelimit: `"${policy}";r=${Math.max(0, quota.limit - count.hits)};t=${count.resetSeconds}`,
  }
  if (count.hits > quota.limit) {
    return problem(c, 429, {
      detail: `Too many requests (${quota.limit} per ${quota.windowSeconds} s, policy ${policy}). Try again in ${count.resetSeconds} s.`,
      headers: { ...appended(c, headers), 'retry-after': String(count.resetSeconds) },
    })
  }
  await next()
  // Set after the answer exists, so that it carries them whoever made it; an inner limit's come first.
  for (const [name, value] of Object.entries(appended(c, headers))) c.header(name, value)
}

function appended(c: Context, headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      const earlier = c.res.headers.get(name)
      return [name, earlier ? `${earlier}, ${value}` : value]
    }),
  )
}
