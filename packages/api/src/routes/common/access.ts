import type { MiddlewareHandler } from 'hono'
import type { Scope } from '../../domain/keys/scopes.js'
import { requireKey } from '../../middleware/api-key/index.js'

/** A public operation: any key of the organization, publishable (browser) or secret. */
export const publicAccess = {
  security: [{ publishableKey: [] }, { secretKey: [] }] as Record<string, string[]>[],
  middleware: [requireKey()] as MiddlewareHandler[],
}

/** A secret operation: a secret key holding `scope`. */
export function secretAccess(scope: Scope) {
  return {
    security: [{ secretKey: [scope] }] as Record<string, string[]>[],
    middleware: [requireKey({ scope })] as MiddlewareHandler[],
  }
}
