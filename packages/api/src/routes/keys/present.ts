import type { z } from '@hono/zod-openapi'
import type { ApiKey } from '../../db/types.js'
import type { Scope } from '../../domain/keys/scopes.js'
import type { ApiKeySchema } from './schemas.js'

/** A key as listed: everything but the token, which is never stored in clear. */
export function presentKey(key: ApiKey): z.infer<typeof ApiKeySchema> {
  return {
    id: key.id,
    kind: key.kind,
    name: key.name,
    token_hint: `…${key.token_hint}`,
    scopes: key.scopes as Scope[],
    allowed_origins: key.allowed_origins,
    created_at: key.created_at.toISOString(),
    last_used_at: key.last_used_at?.toISOString() ?? null,
    revoked_at: key.revoked_at?.toISOString() ?? null,
  }
}
