import type { MiddlewareHandler } from 'hono'
import type { Scope } from '../../domain/keys/scopes.js'
import { requireKey } from '../../middleware/api-key/index.js'
import { idempotency } from '../../middleware/idempotency/index.js'
import { publicCache } from '../../middleware/public-cache/index.js'
import { emailRateLimit } from '../../middleware/rate-limit/index.js'

/** A public operation: any key of the organization, publishable (browser) or secret. */
export const publicAccess = {
  security: [{ publishableKey: [] }, { secretKey: [] }] as Record<string, string[]>[],
  middleware: [requireKey()] as MiddlewareHandler[],
}

/**
 * A public read: as `publicAccess`, answered with an ETag (304 when the caller holds it) and, for
 * publishable keys, from the recent answers when the app keeps them.
 */
export const publicRead = {
  security: publicAccess.security,
  middleware: [requireKey(), publicCache()] as MiddlewareHandler[],
}

export interface PublicWriteOptions {
  /** The body carries the person's e-mail address: count it against the per-address quota. */
  email?: boolean
}

/**
 * A public write: as `publicAccess`, with `Idempotency-Key` (declare `IdempotencyKeyHeader` in
 * the route's request headers) and, for forms with an e-mail address, that address's rate limit.
 */
export function publicWrite({ email = false }: PublicWriteOptions = {}) {
  return {
    security: publicAccess.security,
    middleware: [requireKey(), ...(email ? [emailRateLimit()] : []), idempotency()] as MiddlewareHandler[],
  }
}

/** A secret operation: a secret key holding `scope`. */
export function secretAccess(scope: Scope) {
  return {
    security: [{ secretKey: [scope] }] as Record<string, string[]>[],
    middleware: [requireKey({ scope })] as MiddlewareHandler[],
  }
}
