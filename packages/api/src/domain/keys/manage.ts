import type { Kysely } from 'kysely'
import type { ApiKey, Database, KeyKind } from '../../db/types.js'
import { DomainError, type FieldError, notFound } from '../errors.js'
import { type Page, pageById } from '../pagination.js'
import { type CreatedKey, createKey } from './keys.js'
import { checkOrigin } from './origins.js'
import { scopes as knownScopes, type Scope } from './scopes.js'

export interface KeyRequest {
  kind: KeyKind
  name: string
  scopes?: string[]
  allowedOrigins?: string[]
}

export interface IssueOptions {
  /**
   * The scopes the issuer holds. A key cannot grant more than it has, so a `keys:write` key is not
   * a way to mint an all-powerful one. Omitted for the CLI, which speaks for the operator.
   */
  grantable?: readonly string[]
}

/** Checks a key request; every mistake is reported at once, with the valid values. */
export function checkKeyRequest(request: KeyRequest): { scopes: Scope[]; allowedOrigins: string[] } {
  const errors: FieldError[] = []
  const scopes = [...new Set(request.scopes ?? [])]
  const allowedOrigins = [...new Set(request.allowedOrigins ?? [])]
  if (request.name.trim().length === 0 || request.name.length > 100) {
    errors.push({ path: 'name', message: 'A key name has 1 to 100 characters: say what the key is for.' })
  }
  if (request.kind === 'publishable' && scopes.length > 0) {
    errors.push({ path: 'scopes', message: 'Publishable keys have no scopes: they reach public operations only.' })
  }
  if (request.kind === 'secret' && allowedOrigins.length > 0) {
    errors.push({
      path: 'allowed_origins',
      message: 'Secret keys must stay on servers: browser origins are for publishable keys.',
    })
  }
  // Paths index what was sent, duplicates included.
  request.scopes?.forEach((scope, index) => {
    if (!(knownScopes as readonly string[]).includes(scope)) {
      errors.push({
        path: `scopes.${index}`,
        message: `Unknown scope ${scope}. Valid scopes: ${knownScopes.join(', ')}.`,
      })
    }
  })
  request.allowedOrigins?.forEach((origin, index) => {
    const problem = checkOrigin(origin)
    if (problem) errors.push({ path: `allowed_origins.${index}`, message: `${origin}: ${problem}` })
  })
  if (errors.length > 0) throw new DomainError('invalid', errors.map((e) => e.message).join(' '), errors)
  return { scopes: scopes as Scope[], allowedOrigins }
}

/** Creates a key after checking it; the clear token is in the result and nowhere else. */
export async function issueKey(
  db: Kysely<Database>,
  organizationId: string,
  request: KeyRequest,
  { grantable }: IssueOptions = {},
): Promise<CreatedKey> {
  const { scopes, allowedOrigins } = checkKeyRequest(request)
  const beyond = grantable ? scopes.filter((scope) => !grantable.includes(scope)) : []
  if (beyond.length > 0) {
    throw new DomainError('forbidden', `A key cannot grant scopes it does not hold: ${beyond.join(', ')}.`)
  }
  const organization = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', organizationId)
    .executeTakeFirst()
  if (!organization) throw notFound(`Organization ${organizationId}`)
  return createKey(db, organizationId, { kind: request.kind, name: request.name, scopes, allowedOrigins })
}

/** The organization's keys, oldest first (ids sort by creation time), revoked ones included. */
export async function listKeys(
  db: Kysely<Database>,
  organizationId: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<Page<ApiKey>> {
  return pageById(db, 'api_keys', organizationId, { limit, cursor })
}

/**
 * Revokes a key: it answers 401 from now on. Revoking twice keeps the first time, so a retried
 * DELETE is harmless.
 */
export async function revokeKey(db: Kysely<Database>, organizationId: string, keyId: string, now = new Date()) {
  const key = await db
    .updateTable('api_keys')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(now)) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', keyId)
    .returningAll()
    .executeTakeFirst()
  if (!key) throw notFound(`Key ${keyId}`)
  return key
}

/** Adds origins to a publishable key's list (the demo key learns the port the server listens on). */
export async function allowOrigins(db: Kysely<Database>, organizationId: string, keyId: string, origins: string[]) {
  const key = await db
    .selectFrom('api_keys')
    .select('allowed_origins')
    .where('organization_id', '=', organizationId)
    .where('id', '=', keyId)
    .executeTakeFirst()
  if (!key) throw notFound(`Key ${keyId}`)
  const missing = origins.filter((origin) => !key.allowed_origins.includes(origin))
  if (missing.length === 0) return key.allowed_origins
  const allowed = [...key.allowed_origins, ...missing]
  await db
    .updateTable('api_keys')
    .set({ allowed_origins: allowed })
    .where('organization_id', '=', organizationId)
    .where('id', '=', keyId)
    .execute()
  return allowed
}
