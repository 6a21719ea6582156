import type { MiddlewareHandler } from 'hono'
import { findKeyByToken } from '../../domain/keys/keys.js'
import { originAllowed } from '../../domain/keys/origins.js'
import type { Scope } from '../../domain/keys/scopes.js'
import { problem } from '../problem-details/index.js'

export interface RequireKeyOptions {
  /** Secret keys only, holding this scope. Without it, any key of the organization will do. */
  scope?: Scope
}

const exposed = 'ETag, Link, RateLimit, RateLimit-Policy, Retry-After, Location'

/**
 * Authenticates the bearer key and checks the browser's `Origin` against the key's list; answers
 * CORS for allowed origins only. Sets `c.get('caller')`.
 *
 * @example
 * createRoute({ ..., middleware: [requireKey({ scope: 'members:read' })] })
 */
export function requireKey({ scope }: RequireKeyOptions = {}): MiddlewareHandler {
  return async function requireKeyMiddleware(c, next) {
    const header = c.req.header('authorization') ?? ''
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    const origin = c.req.header('origin')
    // A missing or unknown key protects no tenant: the page may read why it was refused.
    const readable: Record<string, string> = origin ? { 'access-control-allow-origin': origin } : {}
    if (!token) {
      return problem(c, 401, {
        detail: 'Send your API key as `Authorization: Bearer pk_…` (public operations) or `sk_…` (secret operations).',
        headers: { ...readable, 'www-authenticate': 'Bearer' },
      })
    }
    const db = c.get('db')
    const lookUp = () => findKeyByToken(db, token)
    const key = await (c.get('publicCache')?.keys.find(token, lookUp) ?? lookUp())
    if (!key) {
      return problem(c, 401, {
        detail: 'This API key is unknown or was revoked.',
        headers: { ...readable, 'www-authenticate': 'Bearer error="invalid_token"' },
      })
    }
    if (origin) {
      if (!originAllowed(origin, key.allowed_origins)) {
        const why =
          key.kind === 'secret'
            ? 'Secret keys must stay on servers; use a publishable key in browsers.'
            : `Add ${origin} to this publishable key's allowed origins to use it from that site.`
        return problem(c, 403, { detail: `Requests from ${origin} are not allowed with this key. ${why}` })
      }
      c.header('access-control-allow-origin', origin)
      c.header('access-control-expose-headers', exposed)
    }
    if (scope && (key.kind !== 'secret' || !key.scopes.includes(scope))) {
      return problem(c, 403, {
        detail:
          key.kind === 'secret'
            ? `This secret key lacks the scope ${scope}.`
            : `This operation needs a secret key with the scope ${scope}; publishable keys reach public operations only.`,
      })
    }
    c.set('caller', { organizationId: key.organization_id, keyId: key.id, kind: key.kind, scopes: key.scopes })
    await next()
  }
}
